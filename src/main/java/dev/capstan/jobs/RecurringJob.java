package dev.capstan.jobs;

import java.time.ZoneId;

/** Work that a family wants done on a schedule, once per firing across all replicas (cron with seconds, in a zone). */
public record RecurringJob(String name, String cron, ZoneId zone, Runnable work) {
}
