package dev.capstan.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import java.time.Instant;
import java.time.ZoneId;

/** A cron expression with seconds ("0 0 9 * * MON-FRI"), checked when it is read so that a typo stops start-up, not a job. */
public record Cron(String expression) {
    @JsonCreator
    public Cron {
        if (expression == null || expression.isBlank()) throw new IllegalArgumentException("a cron expression is required");
        expression = expression.trim();
        try {
            new CronSchedule(expression);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("`" + expression + "` is not a cron expression with seconds "
                    + "(six fields: second minute hour day-of-month month day-of-week, e.g. \"0 0 9 * * MON-FRI\")");
        }
    }

    /**
     * The first firing strictly after {@code after}, read in {@code zone}; a local time that a daylight-saving change
     * skips does not fire that day, and one it repeats fires at both instants.
     */
    public Instant next(Instant after, ZoneId zone) {
        return in(zone).next(after);
    }

    /** The firings read in {@code zone}, parsed once for a caller that asks for many (a search back through them). */
    public Firings in(ZoneId zone) {
        return new Firings(new CronSchedule(expression, zone));
    }

    /** A cron expression parsed and read in one zone. */
    public static final class Firings {
        private final CronSchedule schedule;

        private Firings(CronSchedule schedule) {
            this.schedule = schedule;
        }

        /** As {@link Cron#next}: the first firing strictly after {@code after}. */
        public Instant next(Instant after) {
            return schedule.getInitialExecutionTime(after);
        }
    }

    @JsonValue
    @Override
    public String expression() {
        return expression;
    }
}
