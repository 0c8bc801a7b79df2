package dev.capstan.features.deploy;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.DidYouMean;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code /deploy <ref> to <env>} (also {@code /deploy deploy <ref> to <env>}, {@code /cimon deploy …}): asks for a
 * deployment of the channel's repository, which meets the environment's rules. {@code /cimon deploy <env>}, deploybot's
 * form, deploys the environment's default ref ({@link DefaultRefs}). {@code --dry-run} shows what would
 * happen; {@code --emergency "reason"} overrides a freeze for those allowed to. The ref keeps its case.
 */
@Command(name = Deploy.FAMILY, description = "Deploy a branch or tag: `<ref> to <env>`, e.g. `v1.2.0 to production`.")
@CommandInfo(role = Role.MEMBER)
final class DeployCommand implements CapstanCommand {
    static final List<String> COMMANDS = List.of("setup", "reset", "set", "unset", "get", "config", "hello", "goodbye", "bye",
            "deploy", "status", "list", "lock", "unlock", "locks", "rollback", "freeze", "help");
    static final int MAX_REASON = 300;
    private static final String USAGE = "You must specify what and where to deploy, as `/deploy <branch-or-tag> to <environment>`"
            + " (or `/deploy deploy <branch-or-tag> to <environment>`), or `/deploy deploy <environment>` for its default ref.";
    private final DeployServices services;

    @Parameters(arity = "1..*", paramLabel = "REF to ENV", description = "What to deploy and where, e.g. `main to staging`, or an "
            + "environment alone for its default ref.")
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
        boolean saidDeploy = (given.size() == 2 || given.size() == 4) && given.get(0).equalsIgnoreCase("deploy");
        if (saidDeploy) given.remove(0);
        if (given.size() == 1) return oneWord(ctx, given.get(0), saidDeploy);
        if (given.size() != 3 || !given.get(1).equalsIgnoreCase("to")) return Reply.text(USAGE);
        Reply badReason = checkReason(emergency);
        if (badReason != null) return badReason;
        Binding binding = services.binding(ctx.caller().channelId());
        Environments.Environment env = deployable(services.environment(given.get(2)));
        GitRef ref = GitRef.parse(given.get(0));
        if (dryRun) {
            services.jobs().preflight().enqueue(new DeployJobs.DryRunAsked(ctx.caller().channelId(), ctx.userId(), ref.full(), env.name(),
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

    /**
     * One word: deploybot's {@code deploy <environment>}. A word naming an environment is that environment (also when a
     * branch has the same name: a ref is always followed by {@code to <env>}), and its default ref is deployed.
     */
    private Reply oneWord(CommandContext ctx, String word, boolean saidDeploy) {
        if (word.equalsIgnoreCase("deploy")) return Reply.text(USAGE);
        Optional<Environments.Environment> named = services.environments().find(word);
        if (named.isEmpty() && !saidDeploy) {
            List<String> known = new ArrayList<>(COMMANDS);
            known.addAll(services.environments().names());
            return Reply.text("`" + word.replace("`", "'") + "` is not a command or an environment." + DidYouMean.sentence(word, known)
                    + " " + USAGE + " Type `/deploy help` to see every command.");
        }
        Reply badReason = checkReason(emergency);
        if (badReason != null) return badReason;
        Binding binding = services.binding(ctx.caller().channelId());
        Environments.Environment env = deployable(named.orElseGet(() -> services.environment(word)));
        services.jobs().defaultRef().enqueue(new DeployJobs.DefaultRef(ctx.caller().channelId(), ctx.userId(), env.name(), emergency, dryRun,
                ctx.invocation().responseUrl(), services.clock().instant()));
        return Reply.text(":mag: Finding which ref `" + env.name() + "` takes by default in `" + binding.repository() + "`…");
    }

    /** The environment, unless it is a pull request's, which its pull request deploys. */
    private static Environments.Environment deployable(Environments.Environment env) {
        if (env.pullRequest() != null) {
            throw new UserError(":warning: `" + env.name() + "` is a pull request's environment; it is deployed when the pull request is opened or updated.");
        }
        return env;
    }

    /** A refusal for a blank or long `--emergency` reason; null when it is fine or not given. */
    static Reply checkReason(String reason) {
        if (reason == null) return null;
        if (reason.isBlank()) return Reply.text(":warning: `--emergency` needs a reason, e.g. `--emergency \"checkout is down, hotfix\"`.");
        if (reason.length() > MAX_REASON) return Reply.text(":warning: An emergency reason has at most " + MAX_REASON + " characters.");
        return null;
    }
}
