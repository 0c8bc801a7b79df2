package dev.capstan.platform;

import dev.capstan.command.CommandTraits;
import dev.capstan.command.ConfirmationType;
import dev.capstan.command.DeclaredCommand;
import dev.capstan.command.DidYouMean;
import dev.capstan.command.Destination;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.UserError;
import dev.capstan.http.HostAllowList;
import dev.capstan.http.HttpAnswer;
import dev.capstan.http.HttpCall;
import dev.capstan.http.HttpPolicy;
import dev.capstan.http.OutboundClient;
import dev.capstan.jobs.JobOptions;
import dev.capstan.jobs.JobResult;
import dev.capstan.jobs.JobType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A family that exists to prove the platform v2 contract: every part a family can declare, used the way a real one
 * would (a declared command spec, a typed confirmation, a job that polls a build server until the build ends, GitHub
 * and CircleCI webhooks updating one message in place, a settings record, a declared secret, a client that times out).
 */
final class ContractFamily implements Feature {
    /** {@code families.contract}: where the build server is, how often to ask it, and where messages go. */
    record Settings(String buildsUrl, Integer pollMs, String channel) {
        Settings {
            buildsUrl = buildsUrl == null ? "http://127.0.0.1:9" : buildsUrl;
            if (!buildsUrl.startsWith("http://") && !buildsUrl.startsWith("https://")) {
                throw new IllegalArgumentException("builds_url must be an http(s) URL, not `" + buildsUrl + "`");
            }
            pollMs = pollMs == null ? 100 : pollMs;
            if (pollMs < 10) throw new IllegalArgumentException("poll_ms must be at least 10");
            channel = channel == null ? "CBUILDS" : channel;
        }
    }

    /** A build to watch, and who asked. */
    record Build(String id, String requester) { }

    /** What a confirmed wipe removes. */
    record Wipe(String thing) { }

    final List<String> wiped = new CopyOnWriteArrayList<>();
    final List<String> polls = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "contract";
    }

    @Override
    public void register(FeatureContext context) {
        Settings settings = context.settings(Settings.class);
        String token = context.secret("CONTRACT_TOKEN", "the token the contract family shows its build server");
        OutboundClient builds = context.http("builds", new HttpPolicy(HostAllowList.of("127.0.0.1"), Duration.ofSeconds(1),
                Duration.ofMillis(400), 1, Duration.ofSeconds(1)));
        JobType<Build> watch = context.job("contract.watch", Build.class, JobOptions.retrying(context.jobSettings(),
                (run, failure) -> context.outbox().send(new Destination.DirectMessage(run.data().requester()),
                        Reply.text("I stopped watching build " + run.data().id() + ": " + failure.sentence()))),
                run -> {
                    polls.add(run.data().id());
                    HttpAnswer answer = builds.send(HttpCall.get(settings.buildsUrl() + "/builds/" + run.data().id())
                            .header("Authorization", "Bearer " + token)).requireSuccess("asking about build " + run.data().id());
                    String state = answer.json().path("state").asText("unknown");
                    if (state.equals("running")) return JobResult.again(Duration.ofMillis(settings.pollMs()), run.data());
                    context.outbox().send(new Destination.DirectMessage(run.data().requester()),
                            Reply.text("Build " + run.data().id() + " ended: " + state + "."));
                    return JobResult.done();
                });
        ConfirmationType<Wipe> wipe = context.confirmation("contract.wipe", Wipe.class, false, (ctx, what) -> {
            wiped.add(what.thing());
            return Reply.text("Wiped " + what.thing() + ".");
        });
        context.family("contract", "Commands that prove the platform contract.")
                .add(new DeclaredCommand("greet", new CommandTraits(Role.MEMBER, false), ContractFamily::greetSpec, (ctx, args) -> {
                    String name = args.get("NAME");
                    int times = args.get("times");
                    String tone = args.get("tone");
                    if (times < 1 || times > 3) throw new UserError("`--times` must be between 1 and 3, not " + times + ".");
                    if (!List.of("calm", "loud").contains(tone)) {
                        throw new UserError("`--tone` is calm or loud, not `" + tone + "`." + DidYouMean.sentence(tone, List.of("calm", "loud")));
                    }
                    String line = tone.equals("loud") ? "HELLO " + name.toUpperCase() + "!" : "Hello " + name + ".";
                    return Reply.text(String.join(" ", java.util.Collections.nCopies(times, line)));
                }))
                .add(new DeclaredCommand("wipe", new CommandTraits(Role.TEAM_LEAD, false), () -> oneArgument("wipe", "THING",
                        "Wipe a thing, after a confirmation."), (ctx, args) -> ctx.confirm("Really wipe " + args.get("THING") + "?",
                        wipe, new Wipe(args.get("THING")))))
                .add(new DeclaredCommand("watch", new CommandTraits(Role.MEMBER, false), () -> oneArgument("watch", "BUILD",
                        "Watch a build until it ends; the result comes as a DM."), (ctx, args) -> {
                    String id = args.get("BUILD");
                    boolean first = watch.enqueueOnce("build:" + id, new Build(id, ctx.userId()));
                    return Reply.text(first ? "Watching build " + id + "." : "Build " + id + " is already being watched.");
                }));
        context.onWebhook("github", "deployment_status", webhook -> {
            long deployment = webhook.body().path("deployment").path("id").asLong();
            long version = webhook.body().path("deployment_status").path("id").asLong();
            String state = webhook.body().path("deployment_status").path("state").asText();
            context.messages().show("contract:deployment:" + deployment, settings.channel(), version,
                    Reply.text("Deployment " + deployment + ": " + state));
            return "shown " + state;
        });
        context.webhookSecret("circleci", "CIRCLECI_WEBHOOK_SECRET", "verifies POST /circleci/webhook");
        context.onWebhook("circleci", "workflow-completed", webhook -> {
            String pipeline = webhook.body().path("pipeline").path("id").asText();
            String status = webhook.body().path("workflow").path("status").asText();
            context.messages().show("contract:pipeline:" + pipeline, settings.channel(), 1,
                    Reply.text("Pipeline " + pipeline + ": " + status));
            return "pipeline " + status;
        });
    }

    private static CommandSpec greetSpec() {
        CommandSpec spec = CommandSpec.create();
        spec.usageMessage().description("Greet someone, a few times over.");
        spec.addPositional(PositionalParamSpec.builder().paramLabel("NAME").type(String.class).arity("1").required(true)
                .description("Who to greet.").build());
        spec.addOption(OptionSpec.builder("--times").paramLabel("N").type(int.class).defaultValue("1")
                .description("How often (1-3).").build());
        spec.addOption(OptionSpec.builder("--tone").paramLabel("TONE").type(String.class).defaultValue("calm")
                .completionCandidates(List.of("calm", "loud")).description("calm or loud.").build());
        return spec;
    }

    private static CommandSpec oneArgument(String name, String label, String description) {
        CommandSpec spec = CommandSpec.create();
        spec.usageMessage().description(description);
        spec.addPositional(PositionalParamSpec.builder().paramLabel(label).type(String.class).arity("1").required(true).build());
        return spec;
    }
}
