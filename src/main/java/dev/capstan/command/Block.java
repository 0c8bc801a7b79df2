package dev.capstan.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** The Block Kit subset Capstan's commands use, kept free of the Slack SDK so commands can be tested in memory. */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME)
@JsonSubTypes({@JsonSubTypes.Type(Block.Header.class), @JsonSubTypes.Type(Block.Section.class),
        @JsonSubTypes.Type(Block.Preformatted.class), @JsonSubTypes.Type(Block.Context.class),
        @JsonSubTypes.Type(Block.Divider.class), @JsonSubTypes.Type(Block.Actions.class), @JsonSubTypes.Type(Block.Image.class)})
public sealed interface Block {

    record Header(String text) implements Block { }

    record Section(String markdown, List<String> fields) implements Block {
        public Section {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }

        public Section(String markdown) {
            this(markdown, List.of());
        }
    }

    /** Monospaced text the reader can copy as it is (emails, CSV lines). */
    record Preformatted(String text) implements Block { }

    record Context(String markdown) implements Block { }

    record Divider() implements Block { }

    /** A picture Slack fetches from {@code url} (public, https in a real workspace), with the text read out instead of it. */
    record Image(String url, String altText, String title) implements Block { }

    record Actions(List<Button> buttons) implements Block {
        public Actions {
            buttons = List.copyOf(buttons);
        }
    }

    record Button(String text, String actionId, String value, Style style) {
        public enum Style { DEFAULT, PRIMARY, DANGER }
    }
}
