package dev.capstan.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.capstan.command.Block;
import dev.capstan.command.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Reply} as Block Kit within Slack's limits (50 blocks a message, 3000 characters a section,
 * 10 fields of 2000, header 150, button text 75). Long content is split across blocks and messages; what still
 * does not fit is cut with a note saying how much was left out.
 */
public final class BlockKitRenderer {
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION = 3000;
    static final int MAX_FIELDS = 10;
    static final int MAX_FIELD = 2000;
    static final int MAX_HEADER = 150;
    /** Image blocks: alt_text and title at most 2000 characters. */
    static final int MAX_ALT_TEXT = 2000;
    static final int MAX_BUTTON_TEXT = 75;
    static final int MAX_VALUE = 2000;
    static final int MAX_ID = 255;
    static final int MAX_FALLBACK = 3000;

    /** Renders into at most {@code maxMessages} messages. */
    public List<SlackMessage> render(Reply reply, int maxMessages) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (reply.blocks().isEmpty()) {
            if (reply.text().length() <= MAX_SECTION) {
                return List.of(new SlackMessage(reply.text(), List.of()));
            }
            addMarkdown(blocks, reply.text(), false);
        }
        for (Block block : reply.blocks()) addBlock(blocks, block);
        return paginate(fallback(reply.text()), blocks, maxMessages);
    }

    /** The blocks as Block Kit, split where Slack's per-block limits ask for it, for a view (a Home tab) to place. */
    public List<LayoutBlock> blocks(List<Block> blocks) {
        List<LayoutBlock> out = new ArrayList<>();
        for (Block block : blocks) addBlock(out, block);
        return out;
    }

    /** A context line, for a note the platform adds (what was left out). */
    public static LayoutBlock note(String markdown) {
        return context(cut(markdown, MAX_FIELD));
    }

    private static List<SlackMessage> paginate(String text, List<LayoutBlock> blocks, int maxMessages) {
        List<SlackMessage> messages = new ArrayList<>();
        int index = 0;
        while (index < blocks.size() && messages.size() < maxMessages) {
            boolean last = messages.size() == maxMessages - 1;
            int remaining = blocks.size() - index;
            if (last && remaining > MAX_BLOCKS) {
                List<LayoutBlock> page = new ArrayList<>(blocks.subList(index, index + MAX_BLOCKS - 1));
                page.add(context(":scissors: " + (remaining - (MAX_BLOCKS - 1)) + " more blocks did not fit in Slack's limits and were left out."));
                messages.add(new SlackMessage(text, page));
                return messages;
            }
            int end = Math.min(blocks.size(), index + MAX_BLOCKS);
            messages.add(new SlackMessage(messages.isEmpty() ? text : text + " (continued)", List.copyOf(blocks.subList(index, end))));
            index = end;
        }
        if (messages.isEmpty()) messages.add(new SlackMessage(text, List.of()));
        return messages;
    }

    private static void addBlock(List<LayoutBlock> out, Block block) {
        if (block instanceof Block.Header header) {
            out.add(HeaderBlock.builder().text(plain(cut(header.text(), MAX_HEADER))).build());
        } else if (block instanceof Block.Section section) {
            if (!section.markdown().isEmpty()) addMarkdown(out, section.markdown(), false);
            addFields(out, section.fields());
        } else if (block instanceof Block.Preformatted pre) {
            addMarkdown(out, pre.text(), true);
        } else if (block instanceof Block.Context context) {
            out.add(context(cut(context.markdown(), MAX_FIELD)));
        } else if (block instanceof Block.Image image) {
            out.add(ImageBlock.builder().imageUrl(image.url()).altText(cut(image.altText(), MAX_ALT_TEXT))
                    .title(image.title() == null ? null : plain(cut(image.title(), MAX_HEADER))).build());
        } else if (block instanceof Block.Divider) {
            out.add(DividerBlock.builder().build());
        } else if (block instanceof Block.Actions actions) {
            List<BlockElement> buttons = new ArrayList<>();
            for (Block.Button button : actions.buttons()) buttons.add(button(button));
            for (int i = 0; i < buttons.size(); i += 25) {
                out.add(ActionsBlock.builder().elements(buttons.subList(i, Math.min(buttons.size(), i + 25))).build());
            }
        }
    }

    private static ButtonElement button(Block.Button button) {
        ButtonElement.ButtonElementBuilder builder = ButtonElement.builder()
                .text(plain(cut(button.text(), MAX_BUTTON_TEXT)))
                .actionId(cut(button.actionId(), MAX_ID))
                .value(cut(button.value(), MAX_VALUE));
        if (button.style() == Block.Button.Style.PRIMARY) builder.style("primary");
        if (button.style() == Block.Button.Style.DANGER) builder.style("danger");
        return builder.build();
    }

    /** Splits text at line breaks into sections of at most 3000 characters; code keeps its fences in every piece. */
    private static void addMarkdown(List<LayoutBlock> out, String text, boolean code) {
        int budget = code ? MAX_SECTION - 8 : MAX_SECTION;
        for (String piece : split(text, budget)) {
            String body = code ? "```\n" + piece + "\n```" : piece;
            out.add(SectionBlock.builder().text(markdown(body)).build());
        }
    }

    private static void addFields(List<LayoutBlock> out, List<String> fields) {
        for (int i = 0; i < fields.size(); i += MAX_FIELDS) {
            List<TextObject> texts = new ArrayList<>();
            for (String field : fields.subList(i, Math.min(fields.size(), i + MAX_FIELDS))) {
                texts.add(markdown(cut(field, MAX_FIELD)));
            }
            out.add(SectionBlock.builder().fields(texts).build());
        }
    }

    static List<String> split(String text, int max) {
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cutAt = rest.lastIndexOf('\n', max);
            if (cutAt <= 0) cutAt = max;
            pieces.add(rest.substring(0, cutAt));
            rest = rest.substring(cutAt).replaceFirst("^\n", "");
        }
        if (!rest.isEmpty() || pieces.isEmpty()) pieces.add(rest);
        return pieces;
    }

    private static String fallback(String text) {
        return cut(text, MAX_FALLBACK);
    }

    static String cut(String text, int max) {
        if (text == null) return "";
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static ContextBlock context(String markdown) {
        return ContextBlock.builder().elements(List.of(markdown(markdown))).build();
    }

    private static MarkdownTextObject markdown(String text) {
        return MarkdownTextObject.builder().text(text).build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }
}
