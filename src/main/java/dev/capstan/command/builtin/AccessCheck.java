package dev.capstan.command.builtin;

import dev.capstan.command.AccessDecision;
import dev.capstan.command.AccessPolicy;
import dev.capstan.command.CapstanCommand;
import dev.capstan.command.Caller;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandEntry;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Commands;
import dev.capstan.command.DidYouMean;
import dev.capstan.command.People;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.UserError;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", description = "Explain whether a user may run a command here, and why.")
@CommandInfo(role = Role.ADMIN)
final class AccessCheck implements CapstanCommand {
    private final Commands commands;
    private final AccessPolicy policy;
    private final People people;

    @Parameters(index = "0", paramLabel = "USER", description = "The Slack user (a mention or an id).")
    String user;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "The command, e.g. timereport add.")
    List<String> command;

    @Option(names = "--channel", paramLabel = "C", description = "Check for this channel instead of the current one.")
    String channel;

    AccessCheck(Commands commands, AccessPolicy policy, People people) {
        this.commands = commands;
        this.policy = policy;
        this.people = people;
    }

    @Override
    public Reply run(CommandContext context) {
        String wanted = String.join(" ", command);
        CommandEntry entry = commands.byFullName(wanted);
        if (entry == null) {
            List<String> names = commands.all().stream().map(CommandEntry::fullName).toList();
            throw new UserError("`" + wanted + "` is not a command." + DidYouMean.sentence(wanted, names));
        }
        String where = channel != null ? channel : context.caller().channelId();
        Role role = people.roleOf(user);
        AccessDecision decision = policy.decide(new Caller(user, where, role), entry.fullName(), entry.info());
        return Reply.text("<@" + user + "> (" + role.label() + ") " + (decision.allowed() ? "*may*" : "*may not*")
                + " run `" + entry.fullName() + "` in <#" + where + ">: " + decision.reason() + ".");
    }
}
