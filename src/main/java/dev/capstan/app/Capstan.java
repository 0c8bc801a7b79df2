package dev.capstan.app;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsConfig;
import com.slack.api.methods.metrics.MemoryMetricsDatastore;
import com.slack.api.rate_limits.metrics.MetricsDatastore;
import dev.capstan.command.AccessPolicy;
import dev.capstan.command.CommandPipeline;
import dev.capstan.command.CommandRunner;
import dev.capstan.command.Commands;
import dev.capstan.command.Confirmations;
import dev.capstan.command.EventSubscriptions;
import dev.capstan.command.HomeSections;
import dev.capstan.slack.Interactions;
import dev.capstan.command.RecentRoles;
import dev.capstan.command.builtin.Builtins;
import dev.capstan.github.GitHubApp;
import dev.capstan.http.OutboundHttp;
import dev.capstan.jobs.CommandJobs;
import dev.capstan.jobs.DurableOutbox;
import dev.capstan.jobs.JobSettings;
import dev.capstan.jobs.Jobs;
import dev.capstan.platform.ConfigurationRefused;
import dev.capstan.platform.Declarations;
import dev.capstan.platform.FamilyMigrations;
import dev.capstan.platform.Feature;
import dev.capstan.platform.PlatformServices;
import dev.capstan.security.SecretMask;
import dev.capstan.security.SlackSignatureCheck;
import dev.capstan.slack.BlockKitRenderer;
import dev.capstan.slack.HomeTab;
import dev.capstan.slack.SlackAdapter;
import dev.capstan.slack.SlackReplySender;
import dev.capstan.slack.SlackWebApi;
import dev.capstan.slack.SocketModeConnection;
import dev.capstan.slack.SocketModeEnvelopes;
import dev.capstan.slack.UpdatableMessages;
import dev.capstan.store.AuditStore;
import dev.capstan.store.BatchingAuditLog;
import dev.capstan.store.Database;
import dev.capstan.store.DatabaseUrl;
import dev.capstan.store.DeliveryLog;
import dev.capstan.store.GitHubIdentities;
import dev.capstan.store.HomePublishes;
import dev.capstan.store.MessageStore;
import dev.capstan.store.PeopleStore;
import dev.capstan.store.PendingActionStore;
import dev.capstan.webhooks.WebhookIntake;
import dev.capstan.webhooks.WebhookSources;
import dev.capstan.webhooks.WebhookSubscriptions;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Capstan: every part built and wired here, explicitly, in the order they depend on each other. Nothing
 * is reached (database, Slack, GitHub) until every family registered and the whole configuration checked out.
 */
public final class Capstan implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Capstan.class);
    public static final Duration CONFIRMATION_TTL = Duration.ofMinutes(15);
    /** Slack waits 3 s for an ack; leave room for the network. */
    static final Duration ACK_BUDGET = Duration.ofMillis(2500);
    /** How long a replica answers fast commands from a role it read; see {@link RecentRoles}. */
    static final Duration ROLES_SEEN_FOR = Duration.ofSeconds(1);
    /** Stands in for an invalid DATABASE_URL while the other problems are collected; never connected to. */
    private static final DatabaseUrl UNUSED = DatabaseUrl.parse("jdbc:h2:mem:never-opened");

    private final Database database;
    private final BatchingAuditLog audit;
    private final Jobs jobs;
    private final HttpServer http;
    private final SlackWebApi web;
    private final SlackAdapter adapter;
    private final PeopleStore people;
    private final Commands commands;
    private final EventSubscriptions events;
    private final Declarations declarations;
    private final String signingSecret;
    private final SocketModeEnvelopes envelopes;
    private final SocketModeConnection socketMode;
    private final java.util.Set<String> admins;
    private final StartupPhases phases = new StartupPhases();
    private final SecretMask secrets;
    private int port;

    public Capstan(Config config, Map<String, String> environment, List<Feature> features, Clock clock, JobSettings jobSettings) {
        this(new Config.Reading(config, List.of()), environment, features, clock, jobSettings);
    }

    /** Builds everything; throws {@link Config.Invalid} with the configuration's and every family's problems at once. */
    public Capstan(Config.Reading reading, Map<String, String> environment, List<Feature> features, Clock clock, JobSettings jobSettings) {
        Config config = reading.config();
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        this.secrets = new SecretMask().inLogs();
        PlatformVariables.all().stream().filter(v -> v.secret()).forEach(v -> secrets.add(environment.get(v.name())));

        phases.mark("metrics");
        this.database = Database.create(config.database() == null ? UNUSED : config.database(), 10);
        this.people = new PeopleStore(database.jdbi(), clock);
        AuditStore auditStore = new AuditStore(database.jdbi());
        this.audit = new BatchingAuditLog(auditStore);
        this.jobs = new Jobs(database.dataSource(), database.jdbi(), config.jobSettings(jobSettings), audit, metrics, clock);
        CommandJobs commandJobs = new CommandJobs(jobs, database.jdbi());
        phases.mark("database pool and job scheduler");

        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(config.slackApiUrl());
        withoutCallStatistics(slackConfig);
        Slack slack = Slack.getInstance(slackConfig);
        this.web = new SlackWebApi(slack.methods(config.botToken()));
        BlockKitRenderer renderer = new BlockKitRenderer();
        DurableOutbox outbox = new DurableOutbox(jobs, new SlackReplySender(slack, web, renderer, clock), database.jdbi(), clock);
        UpdatableMessages messages = new UpdatableMessages(new MessageStore(database.jdbi()), database.jdbi(), web, renderer, clock, jobs);

        phases.mark("Slack client");
        this.commands = new Commands();
        AccessPolicy policy = new AccessPolicy(config.accessRules());
        Confirmations confirmations = new Confirmations(new PendingActionStore(database.jdbi()), people, audit, clock,
                CONFIRMATION_TTL, outbox, commandJobs);
        RecentRoles recentRoles = new RecentRoles(people, ROLES_SEEN_FOR);
        people.onRoleChange(recentRoles::forget);
        CommandPipeline pipeline = new CommandPipeline(commands, policy, recentRoles, people, audit, confirmations, clock,
                outbox, commandJobs);
        commandJobs.runWith(pipeline, confirmations, outbox, audit);
        this.events = new EventSubscriptions();
        Interactions interactions = new Interactions();
        WebhookSubscriptions webhooks = new WebhookSubscriptions();
        Builtins.register(commands, audit, policy, people);
        GitHubIdentities identities = new GitHubIdentities(database.jdbi(), clock);
        commands.whoamiFact(userId -> List.of("GitHub: " + identities.find(userId).map(i -> "`" + i.login() + "`").orElse("not linked")));

        HomeSections home = new HomeSections();
        new HomeTab(home, events, new HomePublishes(database.jdbi()), web, renderer, clock, jobs);

        OutboundHttp outbound = new OutboundHttp(audit, metrics, clock, secrets);
        Optional<GitHubApp> github = GitHubClient.from(environment, outbound);
        phases.mark("command pipeline and GitHub client");
        PlatformServices services = new PlatformServices(commands, policy, confirmations, interactions, events, webhooks, jobs, outbox,
                messages, outbound, web, people, identities, github, database.jdbi(), clock,
                metrics, config.families(), environment, audit, secrets, home,
                new CommandRunner(pipeline, outbox, clock));
        try {
            this.declarations = Registration.register(features, services, config, reading.problems(), phases);
        } catch (RuntimeException e) {
            audit.close();
            database.close();
            secrets.leaveLogs();
            throw e;
        }
        this.admins = config.admins();

        this.signingSecret = config.signingSecret() != null ? config.signingSecret() : randomSecret();
        DeliveryLog deliveries = new DeliveryLog(database.jdbi(), clock);
        jobs.schedule(new RetentionSweep(config.retention(), clock, database.jdbi(), deliveries, jobs, outbox, auditStore).schedule());
        this.adapter = new SlackAdapter(new SlackSignatureCheck(signingSecret, clock), pipeline, confirmations,
                interactions, events, deliveries, database.jdbi(), audit, outbox::sendRest, renderer, clock, ACK_BUDGET);
        WebhookIntake intake = new WebhookIntake(new WebhookSources(config.githubWebhookSecret(),
                declarations.webhookSecret("circleci"), config.hookSecrets()), webhooks, deliveries, database.jdbi(), audit, clock);
        this.envelopes = new SocketModeEnvelopes(adapter::handleTrusted);
        this.socketMode = config.appToken() == null ? null : new SocketModeConnection(slack, config.appToken(), envelopes);
        this.http = new HttpServer(adapter, intake, declarations.routes(), database, jobs::running, metrics);
        phases.mark("Slack and webhook intake, HTTP routes");
    }

    public Capstan start(int requestedPort) {
        return start(null, requestedPort);
    }

    /**
     * Migrates the database while the HTTP server starts listening on one interface ({@code host}, all when null) on a
     * thread of its own, answering 503 until the tables are there; then asks Slack who the bot is and runs the families'
     * work at start, then starts the job workers: listening comes before that so that the playground's own Slack
     * stand-in answers those calls too (an address in the commands file), and the workers last so that a job resumed
     * after a restart finds what the start loaded. Until then /readyz says not ready.
     */
    public Capstan start(String host, int requestedPort) {
        CompletableFuture<Integer> listening = CompletableFuture.supplyAsync(() -> http.start(host, requestedPort), work -> {
            Thread thread = new Thread(work, "capstan-http-start");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            database.migrate(declarations.migrations().stream().map(FamilyMigrations::location).toList(),
                    (location, versions) -> declarations.requireMigrationsInTheirBlocks(at -> at.equals(location) ? versions : List.of()));
        } catch (RuntimeException failed) {
            listening.handle((listened, notListening) -> null).join();
            throw failed;
        }
        phases.mark("migrations, the HTTP server starting meanwhile");
        people.makeAdmins(admins);
        this.port = listened(listening);
        http.open();
        phases.mark("HTTP server");
        web.botUserId();
        try {
            declarations.startWork().forEach(Runnable::run);
        } catch (ConfigurationRefused refused) {
            http.close();
            throw new Config.Invalid(refused.problems());
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
        phases.mark("families' start work");
        jobs.start();
        phases.mark("job workers");
        if (socketMode != null) {
            try {
                socketMode.connect();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not connect to Slack over Socket Mode", e);
            }
            phases.mark("Socket Mode");
        }
        log.info(phases.summary());
        return this;
    }

    /**
     * The Slack SDK's call statistics feed only its asynchronous clients' rate limiters, which Capstan does not use, and
     * each of a client's four stores (Web API, Audit Logs, SCIM and SCIM 2) ran a job every second from its start on,
     * never stopped: 7 % of the test suite's CPU, where every test class starts an app.
     */
    private static void withoutCallStatistics(SlackConfig slackConfig) {
        MethodsConfig methods = slackConfig.getMethodsConfig();
        close(methods.getMetricsDatastore());
        close(slackConfig.getAuditConfig().getMetricsDatastore());
        close(slackConfig.getSCIMConfig().getMetricsDatastore());
        close(slackConfig.getSCIM2Config().getMetricsDatastore());
        methods.setStatsEnabled(false);
        slackConfig.getAuditConfig().setStatsEnabled(false);
        slackConfig.getSCIMConfig().setStatsEnabled(false);
        slackConfig.getSCIM2Config().setStatsEnabled(false);
        methods.setMetricsDatastore(new MemoryMetricsDatastore(1, false));
    }

    private static void close(MetricsDatastore statistics) {
        try {
            statistics.close();
        } catch (Exception e) {
            log.debug("A Slack SDK statistics store did not close", e);
        }
    }

    /** The port the server listens on; its failure (a port taken) is rethrown as it was. */
    private static int listened(CompletableFuture<Integer> listening) {
        try {
            return listening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public Commands commands() {
        return commands;
    }

    public EventSubscriptions events() {
        return events;
    }

    public PeopleStore people() {
        return people;
    }

    public Database database() {
        return database;
    }

    /** Runs every job due by Capstan's clock and returns once they finished: how tests drive deadlines after moving their clock. */
    public void runDueJobs() {
        jobs.runDue(Duration.ofSeconds(60));
    }

    /** What the families declared: variables, migrations, routes (the README's table and compose.yaml are checked against it). */
    public Declarations declarations() {
        return declarations;
    }

    /** What a Socket Mode connection hands its messages to; tests feed it envelopes without a WebSocket. */
    SocketModeEnvelopes socketModeEnvelopes() {
        return envelopes;
    }

    /** Slack's side of this Capstan, to see that closing stops its workers. */
    SlackAdapter slackAdapter() {
        return adapter;
    }

    /** The secret requests must be signed with; random when Slack is not configured, so nothing outside gets in. */
    String signingSecret() {
        return signingSecret;
    }

    @Override
    public void close() {
        for (Runnable work : declarations.stopWork()) {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("A family's work at close failed", e);
            }
        }
        try {
            if (socketMode != null) socketMode.close();
        } catch (IOException e) {
            log.warn("Closing the Socket Mode connection failed", e);
        }
        try {
            http.close();
        } finally {
            adapter.stop();
            try {
                jobs.close();
            } finally {
                audit.close();
                database.close();
                secrets.leaveLogs();
            }
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
