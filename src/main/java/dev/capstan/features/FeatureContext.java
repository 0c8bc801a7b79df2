package dev.capstan.features;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.command.Commands;
import dev.capstan.command.Confirmations;
import dev.capstan.command.EventSubscriptions;
import dev.capstan.command.Interactions;
import dev.capstan.command.Outbox;
import dev.capstan.http.HttpExchange;
import dev.capstan.jobs.RecurringJob;
import dev.capstan.slack.SlackWebApi;
import dev.capstan.store.PeopleStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/** What the platform offers a family at registration: everything shared lives below the features. */
public final class FeatureContext {
    /** Handles one inbound webhook request (GitHub, CircleCI, a REST API), signature checks included. */
    @FunctionalInterface
    public interface Endpoint {
        HttpExchange.Response handle(HttpExchange.Request request) throws Exception;
    }

    /** An HTTP route a family serves: method, path and handler. */
    public record Route(String method, String path, Endpoint endpoint) { }

    private final Commands commands;
    private final Confirmations confirmations;
    private final Interactions interactions;
    private final EventSubscriptions events;
    private final Outbox outbox;
    private final Jdbi jdbi;
    private final Clock clock;
    private final Function<String, JsonNode> settings;
    private final Map<String, String> environment;
    private final SlackWebApi slack;
    private final PeopleStore people;
    private final MeterRegistry metrics;
    private final List<RecurringJob> schedules = new ArrayList<>();
    private final Map<String, Route> routes = new LinkedHashMap<>();

    public FeatureContext(Commands commands, Confirmations confirmations, Interactions interactions,
                          EventSubscriptions events, Outbox outbox,
                          Jdbi jdbi, Clock clock, Function<String, JsonNode> settings, Map<String, String> environment,
                          SlackWebApi slack, PeopleStore people, MeterRegistry metrics) {
        this.commands = commands;
        this.confirmations = confirmations;
        this.interactions = interactions;
        this.events = events;
        this.outbox = outbox;
        this.jdbi = jdbi;
        this.clock = clock;
        this.settings = settings;
        this.environment = environment;
        this.slack = slack;
        this.people = people;
        this.metrics = metrics;
    }

    public Commands commands() {
        return commands;
    }

    public Confirmations confirmations() {
        return confirmations;
    }

    /** Modal submissions, by the callback id of the modal a command opened. */
    public Interactions interactions() {
        return interactions;
    }

    public EventSubscriptions events() {
        return events;
    }

    /** Durable DMs and channel posts; delivery runs as a retried job. */
    public Outbox outbox() {
        return outbox;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Clock clock() {
        return clock;
    }

    /** The family's section of the YAML file ({@code families.<name>}), or a missing node. */
    public JsonNode settings(String family) {
        return settings.apply(family);
    }

    /** An environment variable (GITHUB_APP_ID, …); null when unset. */
    public String env(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** The Slack Web API with the bot token, 429-aware; for calls a family makes from its jobs. */
    public SlackWebApi slack() {
        return slack;
    }

    /** People and roles, shared with the platform so that a role a family changes takes effect at once. */
    public PeopleStore people() {
        return people;
    }

    public MeterRegistry metrics() {
        return metrics;
    }

    /** Runs work on a cron schedule (with seconds), once per firing across all replicas. */
    public void schedule(RecurringJob job) {
        schedules.add(job);
    }

    public void route(String method, String path, Endpoint endpoint) {
        if (routes.putIfAbsent(method + " " + path, new Route(method, path, endpoint)) != null) {
            throw new IllegalArgumentException("Route " + method + " " + path + " registered twice");
        }
    }

    public List<RecurringJob> schedules() {
        return Collections.unmodifiableList(schedules);
    }

    public List<Route> routes() {
        return List.copyOf(routes.values());
    }
}
