package dev.capstan.features.deploy;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.DidYouMean;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code /deploy <ref> to <env>} (also {@code /deploy deploy <ref> to <env>}, {@code /cimon deploy …}): starts a
 * deployment of the channel's repository. The ref keeps its case; the reply says what started or why not.
 */
@Command(name = Deploy.FAMILY, description = "Deploy a branch or tag: `<ref> to <env>`, e.g. `v1.2.0 to production`.")
@CommandInfo(role = Role.MEMBER)
final class DeployCommand implements CapstanCommand {
    static final List<String> COMMANDS = List.of("setup", "reset", "set", "unset", "get", "config", "hello", "goodbye", "bye",
            "deploy", "status", "list", "lock", "unlock", "locks", "help");
    private static final String USAGE = "You must specify what and where to deploy, as `/deploy <branch-or-tag> to <environment>`"
            + " (or `/deploy deploy <branch-or-tag> to <environment>`).";
    private final DeployServices services;

    @Parameters(arity = "0..*", paramLabel = "REF to ENV", description = "What to deploy and where, e.g. `main to staging`.")
    List<String> words;

    DeployCommand(DeployServices services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        List<String> given = new ArrayList<>(words == null ? List.of() : words);
        if (given.size() == 4 && given.get(0).equalsIgnoreCase("deploy")) given.remove(0);
        if (given.isEmpty()) return Reply.text(USAGE + " Type `/deploy help` to see every command.");
        if (given.size() == 1 && !given.get(0).equalsIgnoreCase("deploy")) {
            return Reply.text("`" + given.get(0).replace("`", "'") + "` is not a command." + DidYouMean.sentence(given.get(0), COMMANDS)
                    + " " + USAGE + " Type `/deploy help` to see every command.");
        }
        if (given.size() != 3 || !given.get(1).equalsIgnoreCase("to")) return Reply.text(USAGE);
        Binding binding = services.binding(ctx.caller().channelId());
        Environments.Environment env = services.environment(given.get(2));
        if (env.pullRequest() != null) {
            return Reply.text(":warning: `" + env.name() + "` is a pull request's environment; it is deployed when the pull request is opened or updated.");
        }
        GitRef ref = GitRef.parse(given.get(0));
        StartDeployment.Outcome outcome = services.starter().start(new StartDeployment.Request(binding, env, ref, null, "slack",
                ctx.userId(), services.identities().find(ctx.userId()).map(i -> i.login()).orElse(null)));
        if (outcome instanceof StartDeployment.Outcome.Started started) {
            return Reply.text(":rocket: Deployment #" + started.deployment().id() + " of `" + ref.label() + "` to `" + env.name()
                    + "` requested. Its message in this channel follows it to the end.");
        }
        return Reply.text(((StartDeployment.Outcome.Refused) outcome).why());
    }
}
