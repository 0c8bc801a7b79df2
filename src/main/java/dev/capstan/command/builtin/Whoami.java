package dev.capstan.command.builtin;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Commands;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "whoami", description = "Show your Slack id, your role and what the families know about you.")
@CommandInfo(role = Role.MEMBER)
final class Whoami implements CapstanCommand {
    private final Commands commands;

    Whoami(Commands commands) {
        this.commands = commands;
    }

    @Override
    public Reply run(CommandContext context) {
        List<String> lines = new ArrayList<>();
        lines.add("You are <@" + context.userId() + "> (`" + context.userId() + "`), role *" + context.role().label() + "*.");
        for (String fact : commands.whoamiFactsFor(context.userId())) lines.add("• " + fact);
        return Reply.text(String.join("\n", lines));
    }
}
