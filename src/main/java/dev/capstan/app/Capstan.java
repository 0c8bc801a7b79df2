package dev.capstan.app;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.capstan.command.AccessPolicy;
import dev.capstan.command.CommandPipeline;
import dev.capstan.command.Commands;
import dev.capstan.command.Confirmations;
import dev.capstan.command.EventSubscriptions;
import dev.capstan.command.Interactions;
import dev.capstan.command.RecentRoles;
import dev.capstan.command.builtin.Builtins;
import dev.capstan.features.Feature;
import dev.capstan.features.FeatureContext;
import dev.capstan.jobs.JobSettings;
import dev.capstan.jobs.Jobs;
import dev.capstan.jobs.RecurringJob;
import dev.capstan.security.SlackSignatureCheck;
import dev.capstan.slack.BlockKitRenderer;
import dev.capstan.slack.SlackAdapter;
import dev.capstan.slack.SlackReplySender;
import dev.capstan.slack.SlackWebApi;
import dev.capstan.slack.SocketModeConnection;
import dev.capstan.slack.SocketModeEnvelopes;
import dev.capstan.store.AuditStore;
import dev.capstan.store.BatchingAuditLog;
import dev.capstan.store.Database;
import dev.capstan.store.DeliveryLog;
import dev.capstan.store.PeopleStore;
import dev.capstan.store.PendingActionStore;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running Capstan: every part built and wired here, explicitly, in the order they depend on each other. */
public final class Capstan implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Capstan.class);
    public static final Duration CONFIRMATION_TTL = Duration.ofMinutes(15);
    /** Slack waits 3 s for an ack; leave room for the network. */
    static final Duration ACK_BUDGET = Duration.ofMillis(2500);
    /** How long a replica answers fast commands from a role it read; see {@link RecentRoles}. */
    static final Duration ROLES_SEEN_FOR = Duration.ofSeconds(1);

    private final Database database;
    private final BatchingAuditLog audit;
    private final Jobs jobs;
    private final HttpServer http;
    private final PeopleStore people;
    private final Commands commands;
    private final EventSubscriptions events;
    private final String signingSecret;
    private final SocketModeEnvelopes envelopes;
    private final SocketModeConnection socketMode;
    private int port;

    public Capstan(Config config, Map<String, String> environment, List<Feature> features, Clock clock, JobSettings jobSettings) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);

        this.database = Database.open(config.database(), 10);
        this.people = new PeopleStore(database.jdbi(), clock);
        people.makeAdmins(config.admins());
        this.audit = new BatchingAuditLog(new AuditStore(database.jdbi()));

        this.commands = new Commands();
        AccessPolicy policy = new AccessPolicy(config.accessRules());
        Confirmations confirmations = new Confirmations(new PendingActionStore(database.jdbi()), people, audit, clock, CONFIRMATION_TTL);
        RecentRoles recentRoles = new RecentRoles(people, ROLES_SEEN_FOR);
        people.onRoleChange(recentRoles::forget);
        CommandPipeline pipeline = new CommandPipeline(commands, policy, recentRoles, people, audit, confirmations, clock);
        this.events = new EventSubscriptions();
        Interactions interactions = new Interactions();
        Builtins.register(commands, audit, policy, people);

        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(config.slackApiUrl());
        Slack slack = Slack.getInstance(slackConfig);
        SlackWebApi web = new SlackWebApi(slack.methods(config.botToken()));

        DeferredOutbox outbox = new DeferredOutbox();
        FeatureContext context = new FeatureContext(commands, confirmations, interactions, events, outbox, database.jdbi(), clock,
                config::family, environment, web, people, metrics);
        List<String> problems = new ArrayList<>();
        for (Feature feature : features) {
            try {
                feature.register(context);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        problems.addAll(ConfiguredNames.applyAliases(commands, config.aliases(), Config.DEFAULT_ALIASES));
        problems.addAll(ConfiguredNames.checkAccessRules(commands, config.accessRules()));
        if (!problems.isEmpty()) {
            audit.close();
            database.close();
            throw new Config.Invalid(problems);
        }
        List<RecurringJob> schedules = new ArrayList<>(context.schedules());

        BlockKitRenderer renderer = new BlockKitRenderer();
        this.jobs = new Jobs(database.dataSource(), jobSettings, pipeline, confirmations, audit,
                new SlackReplySender(slack, web, renderer, clock), schedules, metrics);
        outbox.connect(jobs);
        pipeline.connect(jobs, jobs);
        confirmations.connect(jobs, jobs);

        this.signingSecret = config.signingSecret() != null ? config.signingSecret() : randomSecret();
        SlackAdapter adapter = new SlackAdapter(new SlackSignatureCheck(signingSecret, clock), pipeline, confirmations,
                interactions, events, new DeliveryLog(database.jdbi(), clock), jobs::sendRest, renderer, clock, ACK_BUDGET);
        this.envelopes = new SocketModeEnvelopes(adapter::handleTrusted);
        this.socketMode = config.appToken() == null ? null : new SocketModeConnection(slack, config.appToken(), envelopes);
        this.http = new HttpServer(adapter, context.routes(), database, jobs::running, metrics);
    }

    public Capstan start(int requestedPort) {
        return start(null, requestedPort);
    }

    /** Starts on one interface only ({@code host}), or on all of them when it is null. */
    public Capstan start(String host, int requestedPort) {
        jobs.start();
        this.port = http.start(host, requestedPort);
        if (socketMode != null) {
            try {
                socketMode.connect();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not connect to Slack over Socket Mode", e);
            }
        }
        return this;
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

    /** What a Socket Mode connection hands its messages to; tests feed it envelopes without a WebSocket. */
    SocketModeEnvelopes socketModeEnvelopes() {
        return envelopes;
    }

    /** The secret requests must be signed with; random when Slack is not configured, so nothing outside gets in. */
    String signingSecret() {
        return signingSecret;
    }

    @Override
    public void close() {
        try {
            if (socketMode != null) socketMode.close();
        } catch (IOException e) {
            log.warn("Closing the Socket Mode connection failed", e);
        }
        try {
            http.close();
        } finally {
            try {
                jobs.close();
            } finally {
                audit.close();
                database.close();
            }
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
