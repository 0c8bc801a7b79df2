package dev.capstan.features.commands;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.conversationsSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;

/**
 * The modal that runs a declared command from Home: one input per argument and option (a select for declared
 * choices, a checkbox for a flag, text otherwise), and the channel whose response_url the reply goes to.
 */
final class CommandForm {
    static final String CALLBACK_ID = "commands.form";
    static final String OPEN = "commands.form.open";
    static final String CHANNEL = "channel";
    static final String FLAG_ON = "on";
    private static final String PREFIX = "p.";
    private static final int TITLE = 24;
    private static final int LABEL = 2000;

    private CommandForm() {
    }

    /** The block (and action) id of a parameter's input. */
    static String blockId(Parameter parameter) {
        return PREFIX + parameter.name();
    }

    static View of(Declaration declaration, String channelId) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context(List.<ContextBlockElement>of(markdownText(cut(declaration.description() + "\n`"
                + CommandsHome.usage(declaration) + "`")))));
        for (Parameter p : declaration.parameters()) blocks.add(field(p));
        blocks.add(input(i -> i.blockId(CHANNEL).label(plainText("Post the result in"))
                .element(conversationsSelect(c -> c.actionId(CHANNEL).responseUrlEnabled(true)
                        .defaultToCurrentConversation(true).initialConversation(channelId)
                        .placeholder(plainText("Choose a channel"))))
                .hint(plainText("It runs as if you typed it there, by the same rules."))));
        String title = "Run " + declaration.name();
        return view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata(declaration.name())
                .title(viewTitle(t -> t.type("plain_text").text(title.length() > TITLE ? title.substring(0, TITLE) : title)))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Run")))
                .blocks(blocks));
    }

    private static LayoutBlock field(Parameter p) {
        String id = blockId(p);
        boolean optional = p.kind() == Parameter.ValueType.BOOLEAN || !p.required() || p.defaultValue() != null;
        String label = p.positional() ? p.name() : "--" + p.name();
        BlockElement element;
        if (p.kind() == Parameter.ValueType.BOOLEAN) {
            OptionObject on = option(plainText("--" + p.name()), FLAG_ON);
            element = checkboxes(c -> c.actionId(id).options(List.of(on)));
        } else if (!p.values().isEmpty()) {
            List<OptionObject> options = p.values().stream().map(v -> option(plainText(v), v)).toList();
            OptionObject initial = options.stream().filter(o -> o.getValue().equals(p.defaultValue())).findFirst().orElse(null);
            element = staticSelect(s -> s.actionId(id).options(options).initialOption(initial)
                    .placeholder(plainText("Choose " + p.name())));
        } else {
            element = plainTextInput(t -> t.actionId(id).initialValue(p.defaultValue()));
        }
        return input(i -> i.blockId(id).label(plainText(label)).optional(optional).element(element)
                .hint(plainText(cut(p.explanation()))));
    }

    private static String cut(String text) {
        return text.length() > LABEL ? text.substring(0, LABEL - 1) + "…" : text;
    }
}
