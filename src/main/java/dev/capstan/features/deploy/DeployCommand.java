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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code /deploy <ref> to <env>} (also {@code /deploy deploy <ref> to <env>}, {@code /cimon deploy …}): asks for a
 * deployment of the channel's repository, which meets the environment's rules. {@code --dry-run} shows what would
 * happen; {@code --emergency "reason"} overrides a freeze for those allowed to. The ref keeps its case.
 */
@Command(name = Deploy.FAMILY, description = "Deploy a branch or tag: `<ref> to <env>`, e.g. `v1.2.0 to production`.")
@CommandInfo(role = Role.MEMBER)
final class DeployCommand implements CapstanCommand {
    static final List<String> COMMANDS = List.of("setup", "reset", "set", "unset", "get", "config", "hello", "goodbye", "bye",
            "deploy", "status", "list", "lock", "unlock", "locks", "rollback", "freeze", "help");
    static final int MAX_REASON = 300;
    private static final String USAGE = "You must specify what and where to deploy, as `/deploy <branch-or-tag> to <environment>`"
            + " (or `/deploy deploy <branch-or-tag> to <environment>`).";
    private final DeployServices services;

    @Parameters(arity = "0..*", paramLabel = "REF to ENV", description = "What to deploy and where, e.g. `main to staging`.")
    List<String> words;

    @Option(names = "--dry-run", description = "Show the commit, what goes out, the checks and the verdict; create nothing.")
    boolean dryRun;

    @Option(names = "--emergency", paramLabel = "REASON", description = "Override a freeze (if the policy lets you); the reason is kept.")
    String emergency;

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
        Reply badReason = checkReason(emergency);
        if (badReason != null) return badReason;
        Binding binding = services.binding(ctx.caller().channelId());
        Environments.Environment env = services.environment(given.get(2));
        if (env.pullRequest() != null) {
            return Reply.text(":warning: `" + env.name() + "` is a pull request's environment; it is deployed when the pull request is opened or updated.");
        }
        GitRef ref = GitRef.parse(given.get(0));
        if (dryRun) {
            services.jobs().preflight().enqueue(new DeployJobs.Preflight(ctx.caller().channelId(), ctx.userId(), ref.full(), env.name(),
                    emergency, ctx.invocation().responseUrl(), services.clock().instant()));
            return Reply.text(":mag: Checking what deploying `" + ref.label() + "` to `" + env.name() + "` would do. This is a dry run: nothing is created.");
        }
        boolean frozen = env.policy().freezes().current(services.clock().instant()).isPresent();
        DeployRequest request = new DeployRequest(binding, env, ref, null, "slack", ctx.userId(), services.login(ctx.userId()), ctx.role(),
                new Deployment.Origin(null, null, frozen ? emergency : null, null), 0);
        Reply reply = DeployOutcomes.reply(services.requests().request(request), ref, env.name());
        if (emergency != null && !frozen) return Reply.text(reply.text() + " (`" + env.name() + "` is not frozen, so `--emergency` was not needed.)");
        return reply;
    }

    /** A refusal for a blank or long `--emergency` reason; null when it is fine or not given. */
    static Reply checkReason(String reason) {
        if (reason == null) return null;
        if (reason.isBlank()) return Reply.text(":warning: `--emergency` needs a reason, e.g. `--emergency \"checkout is down, hotfix\"`.");
        if (reason.length() > MAX_REASON) return Reply.text(":warning: An emergency reason has at most " + MAX_REASON + " characters.");
        return null;
    }
}
