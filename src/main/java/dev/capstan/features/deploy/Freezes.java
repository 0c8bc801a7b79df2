package dev.capstan.features.deploy;

import dev.capstan.jobs.Cron;
import dev.capstan.platform.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An environment's freeze windows as a pure function of the rules and a moment, so that it can be checked over time
 * zones and daylight-saving changes: a recurring window starts at a cron firing in its zone and lasts its duration in
 * real time; a one-off window runs from one local time to another in its zone. Windows that overlap or touch are one
 * freeze, whose end is when deployments may start again.
 */
final class Freezes {
    /**
     * A freeze that goes on being extended this far past its first window's end (windows longer than the time between
     * them) is shown as open-ended.
     */
    private static final Duration HORIZON = Duration.ofDays(35);
    /** Cron expressions that never fire again answer a time this far away. */
    private static final Instant NEVER = Instant.parse("2400-01-01T00:00:00Z");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm zzz", Locale.ENGLISH);

    /**
     * Deployments are refused from {@code start} (inclusive) to {@code end} (exclusive); times are shown in {@code zone}.
     * An open-ended window goes on beyond {@code end}, which is only as far as Capstan looked.
     */
    record Window(Instant start, Instant end, ZoneId zone, boolean openEnded) {
        Window(Instant start, Instant end, ZoneId zone) {
            this(start, end, zone, false);
        }

        boolean contains(Instant moment) {
            return !moment.isBefore(start) && moment.isBefore(end);
        }

        String startText() {
            return show(start, zone);
        }

        String endText() {
            return (openEnded ? "at least " : "") + show(end, zone);
        }
    }

    /** One configured freeze. */
    sealed interface Rule {
        /** A window of this rule that contains {@code moment}. */
        Optional<Window> covering(Instant moment);

        /** The first window of this rule starting strictly after {@code moment}. */
        Optional<Window> firstAfter(Instant moment);

        /** The rule as configured, in words. */
        String describe();
    }

    /** Starts at each firing of {@code cron} in {@code zone} and lasts {@code duration} of real time. */
    record Recurring(Cron cron, Duration duration, ZoneId zone) implements Rule {
        /** The latest window containing {@code moment}: the last firing not after it, found by halving (cron only looks forward). */
        @Override
        public Optional<Window> covering(Instant moment) {
            Cron.Firings firings = cron.in(zone);
            Instant earliest = firings.next(moment.minus(duration));
            if (earliest.isAfter(moment)) return Optional.empty();
            long firesByMoment = earliest.getEpochSecond() - 1;
            long firesLater = moment.getEpochSecond();
            while (firesLater - firesByMoment > 1) {
                long middle = firesByMoment + (firesLater - firesByMoment) / 2;
                if (firings.next(Instant.ofEpochSecond(middle)).isAfter(moment)) firesLater = middle;
                else firesByMoment = middle;
            }
            Instant start = firings.next(Instant.ofEpochSecond(firesByMoment));
            return Optional.of(new Window(start, start.plus(duration), zone));
        }

        @Override
        public Optional<Window> firstAfter(Instant moment) {
            Instant start = cron.next(moment, zone);
            return start.isBefore(NEVER) ? Optional.of(new Window(start, start.plus(duration), zone)) : Optional.empty();
        }

        @Override
        public String describe() {
            return "from each `" + cron.expression().substring(2) + "` for " + Durations.format(duration) + " (" + zone.getId() + ")";
        }
    }

    /** From one moment to another, once. */
    record OneOff(Instant from, Instant to, ZoneId zone) implements Rule {
        @Override
        public Optional<Window> covering(Instant moment) {
            Window window = new Window(from, to, zone);
            return window.contains(moment) ? Optional.of(window) : Optional.empty();
        }

        @Override
        public Optional<Window> firstAfter(Instant moment) {
            return from.isAfter(moment) ? Optional.of(new Window(from, to, zone)) : Optional.empty();
        }

        @Override
        public String describe() {
            return "from " + show(from, zone) + " to " + show(to, zone);
        }
    }

    private final List<Rule> rules;

    Freezes(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static Freezes of(List<PolicySettings.FreezeWindow> configured) {
        List<Rule> rules = new ArrayList<>();
        for (PolicySettings.FreezeWindow w : configured) {
            rules.add(w.cron() != null ? new Recurring(w.start(), w.duration(), w.zone())
                    : new OneOff(w.from().atZone(w.zone()).toInstant(), w.to().atZone(w.zone()).toInstant(), w.zone()));
        }
        return new Freezes(rules);
    }

    boolean none() {
        return rules.isEmpty();
    }

    List<Rule> rules() {
        return rules;
    }

    /** The freeze in force at {@code now}, its end taken over every window that overlaps or touches it. */
    Optional<Window> current(Instant now) {
        return rules.stream().map(r -> r.covering(now)).flatMap(Optional::stream)
                .min(Comparator.comparing(Window::start)).map(this::merged);
    }

    /** The next freeze starting strictly after {@code now}. */
    Optional<Window> next(Instant now) {
        return rules.stream().map(r -> r.firstAfter(now)).flatMap(Optional::stream)
                .min(Comparator.comparing(Window::start)).map(this::merged);
    }

    /** {@code seed} extended by every window that starts before it ends, until none does. */
    private Window merged(Window seed) {
        Instant horizon = seed.end().plus(HORIZON);
        Window merged = seed;
        boolean grew = true;
        while (grew) {
            if (!merged.end().isBefore(horizon)) return new Window(merged.start(), merged.end(), merged.zone(), true);
            grew = false;
            for (Rule rule : rules) {
                Instant end = merged.end();
                Optional<Window> covering = rule.covering(end).or(() -> touching(rule, end));
                if (covering.isPresent() && covering.get().end().isAfter(merged.end())) {
                    merged = new Window(merged.start(), covering.get().end(), covering.get().zone());
                    grew = true;
                }
            }
        }
        return merged;
    }

    /** A window of {@code rule} that starts exactly at {@code moment} (two windows that touch are one freeze). */
    private static Optional<Window> touching(Rule rule, Instant moment) {
        return rule.firstAfter(moment.minusNanos(1)).filter(w -> w.start().equals(moment));
    }

    static String show(Instant moment, ZoneId zone) {
        return SHOWN.format(moment.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
