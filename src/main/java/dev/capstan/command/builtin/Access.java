package dev.capstan.command.builtin;

import dev.capstan.command.AccessPolicy;
import dev.capstan.command.AccessRule;
import dev.capstan.command.Block;
import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandEntry;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Commands;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

@Command(name = "access", description = "Show the effective access rules: each command's least role and the configured rules.")
@CommandInfo(role = Role.ADMIN)
final class Access implements CapstanCommand {
    private final Commands commands;
    private final AccessPolicy policy;

    Access(Commands commands, AccessPolicy policy) {
        this.commands = commands;
        this.policy = policy;
    }

    @Override
    public Reply run(CommandContext context) {
        List<String> declared = new ArrayList<>();
        for (CommandEntry entry : commands.all()) {
            declared.add("`" + entry.fullName() + "` " + entry.info().role().label() + (entry.info().slow() ? " (slow)" : ""));
        }
        List<String> rules = new ArrayList<>();
        for (AccessRule rule : policy.rules()) rules.add("• " + describe(rule));
        String text = "*Commands and their least role*\n" + String.join(" · ", declared)
                + "\n\n*Access rules from configuration*\n" + (rules.isEmpty() ? "none" : String.join("\n", rules))
                + "\n\nDenials win over allowances; a channel restriction applies before a user allowance; the most specific rule's role wins."
                + " Try `access check <user> <command…>`.";
        return Reply.blocks(text, List.of(new Block.Section(text)));
    }

    static String describe(AccessRule rule) {
        List<String> parts = new ArrayList<>();
        if (rule.role() != null) parts.add("least role " + rule.role().label());
        if (!rule.allowUsers().isEmpty()) parts.add("allow " + mentions(rule.allowUsers(), "@"));
        if (!rule.denyUsers().isEmpty()) parts.add("deny " + mentions(rule.denyUsers(), "@"));
        if (!rule.allowChannels().isEmpty()) parts.add("only in " + mentions(rule.allowChannels(), "#"));
        if (!rule.denyChannels().isEmpty()) parts.add("never in " + mentions(rule.denyChannels(), "#"));
        return "`" + rule.command() + "`: " + String.join("; ", parts);
    }

    private static String mentions(java.util.Set<String> ids, String sigil) {
        return ids.stream().sorted().map(id -> "<" + sigil + id + ">").collect(Collectors.joining(", "));
    }
}
