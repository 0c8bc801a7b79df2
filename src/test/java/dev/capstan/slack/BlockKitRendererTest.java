package dev.capstan.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import dev.capstan.command.Block;
import dev.capstan.command.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockKitRendererTest {
    private final BlockKitRenderer renderer = new BlockKitRenderer();

    @Test
    void aShortTextReplyStaysPlainText() {
        List<SlackMessage> messages = renderer.render(Reply.text("hi"), 5);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).blocks()).isEmpty();
        assertThat(messages.get(0).text()).isEqualTo("hi");
    }

    @Test
    void longTextIsSplitIntoSectionsOfAtMost3000Characters() {
        String line = "x".repeat(99) + "\n";
        List<SlackMessage> messages = renderer.render(Reply.text(line.repeat(100)), 5);
        List<LayoutBlock> blocks = messages.get(0).blocks();
        assertThat(blocks).hasSizeGreaterThan(3);
        for (LayoutBlock block : blocks) assertThat(((SectionBlock) block).getText().getText().length()).isLessThanOrEqualTo(3000);
        assertThat(messages.get(0).text().length()).isLessThanOrEqualTo(3000);
    }

    @Test
    void moreThanTenFieldsBecomeSeveralSectionsAndLongFieldsAreCut() {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < 23; i++) fields.add("f" + i);
        fields.set(0, "y".repeat(2500));
        List<LayoutBlock> blocks = renderer.render(Reply.blocks("t", List.of(new Block.Section("", fields))), 5).get(0).blocks();
        assertThat(blocks).hasSize(3);
        SectionBlock first = (SectionBlock) blocks.get(0);
        assertThat(first.getFields()).hasSize(10);
        assertThat(first.getFields().get(0).getText()).hasSize(2000).endsWith("…");
    }

    @Test
    void headersAndButtonsAreCutToSlackLimits() {
        Reply reply = Reply.blocks("t", List.of(new Block.Header("h".repeat(200)),
                new Block.Actions(List.of(new Block.Button("b".repeat(100), "a", "v".repeat(2500), Block.Button.Style.DANGER)))));
        List<LayoutBlock> blocks = renderer.render(reply, 5).get(0).blocks();
        assertThat(((HeaderBlock) blocks.get(0)).getText().getText()).hasSize(150);
        ButtonElement button = (ButtonElement) ((ActionsBlock) blocks.get(1)).getElements().get(0);
        assertThat(button.getText().getText()).hasSize(75);
        assertThat(button.getValue()).hasSize(2000);
        assertThat(button.getStyle()).isEqualTo("danger");
    }

    @Test
    void whatDoesNotFitInTheLastMessageIsCutWithANote() {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < 130; i++) blocks.add(new Block.Divider());
        List<SlackMessage> messages = renderer.render(Reply.blocks("t", blocks), 2);
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).blocks()).hasSize(50);
        assertThat(SlackJson.blocksAsString(messages.get(1))).contains("31 more blocks did not fit");
    }

    @Test
    void preformattedTextKeepsItsFenceInEveryPiece() {
        String csv = ("a@example.com\n").repeat(400);
        List<LayoutBlock> blocks = renderer.render(Reply.blocks("emails", List.of(new Block.Preformatted(csv))), 5).get(0).blocks();
        assertThat(blocks).hasSizeGreaterThan(1);
        for (LayoutBlock block : blocks) {
            String text = ((SectionBlock) block).getText().getText();
            assertThat(text).startsWith("```").endsWith("```").hasSizeLessThanOrEqualTo(3000);
        }
    }
}
