package dev.capstan.features.commands;

import dev.capstan.jenkins.JenkinsAccess;
import dev.capstan.jenkins.JenkinsClient;
import dev.capstan.command.ConfirmationType;
import dev.capstan.http.HttpPolicy;
import dev.capstan.jobs.JobOptions;
import dev.capstan.jobs.JobType;
import dev.capstan.platform.ConfigurationRefused;
import dev.capstan.platform.Feature;
import dev.capstan.platform.FeatureContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Commands declared in the configuration file ({@code commands:}): typed arguments, a policy, an HTTP, Jenkins or
 * ECS action followed by a durable job, and reply templates; validated at start and reloaded when the file changes.
 */
public final class DeclaredCommands implements Feature {
    /** V50 to V59. */
    static final int MIGRATIONS = 50;
    private static final Duration LONGEST_READ = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "commands";
    }

    @Override
    public void register(FeatureContext context) {
        CommandsSettings settings = context.settings(CommandsSettings.class);
        context.migrations(MIGRATIONS);
        context.requireScopes(LongOutput.SCOPE, SlackEmails.SCOPE);
        Function<String, String> environment = context::configuredVariable;
        Secrets secrets = new Secrets(environment, context.secretMask());
        Optional<JenkinsClient> jenkins = jenkins(context);
        Catalog catalog = new Catalog();
        EcsTasks ecs = new EcsTasks(environment, context.secretMask());
        context.variable(EcsTasks.REGION, "the AWS region of declared commands' ecs actions without a region of their own");
        context.variable(EcsTasks.ENDPOINT, "another address for ECS (a local stand-in); credentials come from the default chain");
        context.variable("AWS_ACCESS_KEY_ID", "the access key ECS is called with (else the rest of the default credential chain)");
        context.secret("AWS_SECRET_ACCESS_KEY", "its secret");
        context.secret("AWS_SESSION_TOKEN", "a session token, with temporary credentials");
        context.onStop(ecs::close);
        CommandServices services = new CommandServices(catalog, jenkins, ecs, secrets, new ConcurrencyLocks(context.jdbi(), context.clock()),
                context.messages(), context.slack(), context.clock(), environment, settings.pollEvery());
        RunJob job = new RunJob(services, new LongOutput(services));
        JobType<Run> runs = context.job("commands-run", Run.class, JobOptions.retrying(context.jobSettings(), job::gaveUp), job::run);
        job.declaredAs(runs);
        RunDeclared runner = new RunDeclared(services, new StartRun(services, runs), new DryRun(services));
        ConfirmationType<RunDeclared.Confirmed> confirmation = context.confirmation("commands.run", RunDeclared.Confirmed.class,
                false, runner::confirmed);
        runner.confirmWith(confirmation);
        Registry registry = new Registry(context.replaceableFamilies(), catalog, runner, context.clock());
        context.homeSection(new CommandsHome(catalog, context.accessPolicy(), context.people()));
        CommandFormFlow forms = new CommandFormFlow(catalog, context.slack(), context::runAsTyped);
        context.onClick(CommandForm.OPEN, forms::open);
        context.onSubmit(CommandForm.CALLBACK_ID, forms::submit);
        Loader loader = new Loader(environment, secrets, context.clock(), jenkins, (name, hosts, timeout) -> context.http("http." + name,
                HttpPolicy.standard(hosts).withReadTimeout(timeout.compareTo(LONGEST_READ) < 0 ? timeout : LONGEST_READ)),
                new SlackEmails(context.slack()));
        Optional<Path> file = context.configFile();
        Optional<Reloader> reloader = file.map(f -> new Reloader(f, loader, registry, catalog));
        context.family("commands", "Commands declared in the configuration file: reload them (admins).")
                .add(() -> new ReloadCommand(reloader));
        file.ifPresent(f -> loadAtStart(context, f, loader, registry, catalog, settings, reloader.orElseThrow()));
    }

    /**
     * The file is loaded at start, once Capstan listens (so that Slack's stand-in in the playground answers the look-up
     * of an e-mail address too) and before the job workers resume runs of its commands; a problem stops the start.
     */
    private static void loadAtStart(FeatureContext context, Path file, Loader loader, Registry registry, Catalog catalog,
                                    CommandsSettings settings, Reloader reloader) {
        RefusedReloadNotice notice = new RefusedReloadNotice(file, context.outbox(), context.people(),
                settings.auditChannel() == null ? null : settings.auditChannel().id());
        FileWatcher watcher = new FileWatcher(file, settings.watchEvery(), content -> notice.tell(reloader.reload(content)));
        context.onStart(() -> {
            Loader.Loaded loaded = loader.load(file, false);
            List<String> problems = new ArrayList<>(loaded.problems());
            problems.addAll(registry.collisions(loaded.commands()));
            if (!problems.isEmpty()) throw new ConfigurationRefused(problems.stream().map(p -> "commands: " + p).toList());
            registry.install(loaded.commands());
            List<String> jenkinsProblems = new ArrayList<>();
            catalog.all().values().forEach(c -> jenkinsProblems.addAll(loader.checkJenkins(c.declaration())));
            if (!jenkinsProblems.isEmpty()) {
                throw new ConfigurationRefused(jenkinsProblems.stream().map(p -> "commands: Jenkins lacks what a declared command asks: " + p).toList());
            }
            watcher.start();
        });
        context.onStop(watcher::stop);
    }

    private static Optional<JenkinsClient> jenkins(FeatureContext context) {
        return JenkinsAccess.declare(context::variable, context::secret)
                .client(hosts -> context.http("jenkins", HttpPolicy.standard(hosts)), context::problem, context.secretMask());
    }
}
