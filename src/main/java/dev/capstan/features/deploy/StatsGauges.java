package dev.capstan.features.deploy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The delivery metrics of every repository and environment that deployed in the last {@link #DAYS} days as Micrometer
 * gauges (Prometheus at /metrics). Each replica reads the database when scraped, at most once a {@link #FRESH}; an
 * environment deploying for the first time is registered then, and shows from the next scrape on.
 */
final class StatsGauges {
    static final int DAYS = 30;
    static final Duration FRESH = Duration.ofMinutes(1);
    private final DeliveryHistory history;
    private final DeliveryStats stats;
    private final MeterRegistry registry;
    private final Clock clock;
    private volatile Map<String, DeliveryFigures> current = Map.of();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Instant readAt = Instant.MIN;

    StatsGauges(DeliveryHistory history, DeliveryStats stats, MeterRegistry registry, Clock clock) {
        this.history = history;
        this.stats = stats;
        this.registry = registry;
        this.clock = clock;
    }

    /** Registers the gauge that is always there: how many environments are measured; reading it keeps the others fresh. */
    void start() {
        Gauge.builder("capstan.deploy.measured.environments", this, g -> g.value(null, f -> 0))
                .description("repositories' environments with a deployment in the last " + DAYS + " days").register(registry);
        refresh();
    }

    /** Reads the figures again and registers the gauges of environments seen for the first time. */
    synchronized void refresh() {
        Instant now = clock.instant();
        Map<String, List<String>> environments = history.environments(now.minus(Duration.ofDays(DAYS)), now);
        Map<String, DeliveryFigures> read = new HashMap<>();
        environments.forEach((repository, names) -> {
            for (DeliveryFigures f : stats.figures(repository, names, false, DAYS)) read.put(repository + "\n" + f.environment(), f);
        });
        current = read;
        readAt = now;
        read.forEach((key, f) -> {
            if (registered.add(key)) register(key.substring(0, key.indexOf('\n')), f.environment(), key);
        });
    }

    private void register(String repository, String environment, String key) {
        gauge("capstan.deploy.frequency", null, "successful deployments a day", repository, environment, key, DeliveryFigures::perDay);
        gauge("capstan.deploy.lead.time", "seconds", "median seconds from the oldest new commit to the successful deployment", repository, environment, key,
                f -> f.leadTime() == null ? Double.NaN : f.leadTime().toSeconds());
        gauge("capstan.deploy.change.failure.rate", null, "failed changes / deployments (0 to 1)", repository, environment, key,
                f -> f.deployments() == 0 ? Double.NaN : f.failureRate());
        gauge("capstan.deploy.time.to.restore", "seconds", "median seconds from a failed deployment to the next success", repository, environment, key,
                f -> f.timeToRestore() == null ? Double.NaN : f.timeToRestore().toSeconds());
        for (String metric : List.of("frequency", "lead_time", "change_failure_rate", "time_to_restore")) {
            Gauge.builder("capstan.deploy.band", this, g -> g.value(key, f -> level(band(f, metric))))
                    .description("DORA " + DoraThresholds.YEAR + " band: 4 elite, 3 high, 2 medium, 1 low, NaN not measured")
                    .tags("repository", repository, "environment", environment, "metric", metric).register(registry);
        }
    }

    private void gauge(String name, String unit, String description, String repository, String environment, String key, ToDoubleFunction<DeliveryFigures> value) {
        Gauge.builder(name, this, g -> g.value(key, value)).description(description + ", last " + DAYS + " days").baseUnit(unit)
                .tags("repository", repository, "environment", environment).register(registry);
    }

    private double value(String key, ToDoubleFunction<DeliveryFigures> value) {
        if (readAt.plus(FRESH).isBefore(clock.instant())) refresh();
        if (key == null) return current.size();
        DeliveryFigures f = current.get(key);
        return f == null ? Double.NaN : value.applyAsDouble(f);
    }

    private static Band band(DeliveryFigures f, String metric) {
        return switch (metric) {
            case "frequency" -> f.frequencyBand();
            case "lead_time" -> f.leadTimeBand();
            case "change_failure_rate" -> f.failureBand();
            default -> f.restoreBand();
        };
    }

    private static double level(Band band) {
        return band == null ? Double.NaN : Band.values().length - band.ordinal();
    }
}
