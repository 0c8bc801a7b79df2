package dev.capstan.command;

import java.util.ArrayList;
import java.util.List;

/** Help pages that list only what the caller may run in this channel. */
public final class HelpText {
    private final Commands commands;
    private final AccessPolicy policy;

    public HelpText(Commands commands, AccessPolicy policy) {
        this.commands = commands;
        this.policy = policy;
    }

    public Reply top(Caller caller, String main) {
        List<String> lines = new ArrayList<>();
        for (Family family : commands.families()) {
            if (!runnable(caller, family).isEmpty()) {
                lines.add("• `" + main + " " + family.name() + "` — " + family.description());
            }
        }
        if (lines.isEmpty()) return Reply.text("There is nothing you may run here. Ask an admin for access.");
        String text = "*What you can run here*\n" + String.join("\n", lines)
                + "\n\n`" + main + " help <family>` shows a family's commands; `<command> -h` shows a command's options.";
        return Reply.blocks(text, List.of(new Block.Section(text)));
    }

    public Reply family(Caller caller, Family family, String prefix) {
        List<CommandEntry> runnable = runnable(caller, family);
        if (runnable.isEmpty()) {
            return Reply.text("You may not run any `" + family.name() + "` command here. Ask an admin for access.");
        }
        List<String> lines = new ArrayList<>();
        for (CommandEntry entry : runnable) {
            String name = entry.path().isEmpty() ? prefix : prefix + " " + String.join(" ", entry.path());
            String args = entry.synopsis().isBlank() ? "" : " " + entry.synopsis();
            lines.add("• `" + name + args + "` — " + entry.description());
        }
        String text = "*" + prefix + "* — " + family.description() + "\n" + String.join("\n", lines)
                + "\n\nAdd `-h` after a command for its options.";
        return Reply.blocks(text, List.of(new Block.Section(text)));
    }

    /** Every family of a topic with the commands the caller may run here, one part after the other. */
    public Reply topic(Caller caller, Route.TopicHelp topic) {
        List<String> parts = new ArrayList<>();
        for (Family family : topic.families()) {
            if (runnable(caller, family).isEmpty()) continue;
            parts.add(family(caller, family, topic.mainCommand() + " " + family.name()).text().replace("\n\nAdd `-h` after a command for its options.", ""));
        }
        if (parts.isEmpty()) return Reply.text("You may not run any `" + topic.topic() + "` command here. Ask an admin for access.");
        String text = String.join("\n\n", parts) + "\n\nAdd `-h` after a command for its options.";
        return Reply.blocks(text, parts.stream().<Block>map(Block.Section::new).toList());
    }

    private List<CommandEntry> runnable(Caller caller, Family family) {
        return family.commands().stream()
                .filter(e -> policy.allows(caller, e.fullName(), e.info()))
                .toList();
    }
}
