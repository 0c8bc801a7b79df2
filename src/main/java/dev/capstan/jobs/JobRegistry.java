package dev.capstan.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The job types and schedules declared before the jobs start, each name once, each type with its handler. */
final class JobRegistry {
    /** A declared type and the handler bound to it (null until {@link #handle}). */
    record Declared<T>(JobType<T> type, JobHandler<T> handler) { }

    private final JobEnqueuer enqueuer;
    private final Map<String, Declared<?>> types = new LinkedHashMap<>();
    private final Map<String, RecurringJob> schedules = new LinkedHashMap<>();
    private boolean closed;

    JobRegistry(JobEnqueuer enqueuer) {
        this.enqueuer = enqueuer;
    }

    synchronized <T> JobType<T> declare(String name, Class<T> dataType, JobOptions<T> options) {
        if (closed) throw new IllegalStateException("Job type '" + name + "' declared after the jobs started");
        if (name == null || !name.matches("[a-z0-9][a-z0-9.\\-]{0,99}")) {
            throw new IllegalArgumentException("Job type '" + name + "' must be lower-case letters, digits, '.' and '-'");
        }
        if (types.containsKey(name) || schedules.containsKey(name)) {
            throw new IllegalArgumentException("Job type '" + name + "' registered twice");
        }
        JobType<T> type = new JobType<>(name, dataType, options, enqueuer);
        types.put(name, new Declared<>(type, null));
        return type;
    }

    synchronized <T> void handle(JobType<T> type, JobHandler<T> handler) {
        Declared<?> declared = types.get(type.name());
        if (declared == null || declared.type() != type) throw new IllegalArgumentException("Unknown job type " + type.name());
        if (declared.handler() != null) throw new IllegalArgumentException("Job type '" + type.name() + "' handled twice");
        types.put(type.name(), new Declared<>(type, handler));
    }

    synchronized void schedule(RecurringJob job) {
        if (closed) throw new IllegalStateException("Schedule '" + job.name() + "' added after the jobs started");
        if (types.containsKey(job.name()) || schedules.putIfAbsent(job.name(), job) != null) {
            throw new IllegalArgumentException("Schedule '" + job.name() + "' registered twice");
        }
    }

    /** Closes the registry to further declarations and returns every type, each checked to have its handler. */
    synchronized List<Declared<?>> closeTypes() {
        for (Declared<?> declared : types.values()) {
            if (declared.handler() == null) throw new IllegalStateException("Job type '" + declared.type().name() + "' has no handler");
        }
        closed = true;
        return new ArrayList<>(types.values());
    }

    synchronized List<RecurringJob> schedules() {
        return new ArrayList<>(schedules.values());
    }
}
