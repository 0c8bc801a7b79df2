package dev.capstan.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A kind of durable job with its data type, handed out when it is declared; enqueueing goes through it so that the
 * data always matches the handler. An enqueue inside an open database transaction commits or rolls back with it.
 */
public final class JobType<T> {
    private final String name;
    private final Class<T> dataType;
    private final JobOptions<T> options;
    private final JobEnqueuer jobs;

    JobType(String name, Class<T> dataType, JobOptions<T> options, JobEnqueuer jobs) {
        this.name = name;
        this.dataType = dataType;
        this.options = options;
        this.jobs = jobs;
    }

    public String name() {
        return name;
    }

    Class<T> dataType() {
        return dataType;
    }

    JobOptions<T> options() {
        return options;
    }

    /**
     * Runs the job soon, on whichever replica picks it up first. Enqueued by a running job, it is keyed by that run and
     * its place in it, so that the run repeated (after a crash or a retry) does not enqueue it twice.
     */
    public void enqueue(T data) {
        jobs.enqueueFresh(this, data);
    }

    /**
     * Runs the job soon unless one with this key was ever enqueued before (the key is remembered for the retention
     * period, so a redelivered webhook or a double submit runs the work once); false when it was.
     */
    public boolean enqueueOnce(String key, T data) {
        return jobs.enqueue(this, key, Instant.EPOCH, data, true);
    }

    /** Like {@link #enqueueOnce} but not before {@code at}. */
    public boolean enqueueOnceAt(String key, Instant at, T data) {
        return jobs.enqueue(this, key, at, data, true);
    }

    /**
     * Saves {@code data} as the running job's own data, in the caller's transaction when there is one: the job's next
     * step, so that a retry or a run again after a crash goes on from there instead of starting over. Only the job's own run may.
     */
    public void save(JobRun<T> run, T data) {
        jobs.save(this, run, data);
    }

    /** Saves several running jobs' data at once, in the caller's transaction: workers that decided together. */
    void saveAll(List<JobEnqueuer.Progress<T>> runs) {
        jobs.saveAll(this, runs);
    }

    /** Runs each job soon, written in one batch in the caller's transaction; an id already there is left as it is. */
    void enqueueAll(Map<String, T> byId) {
        jobs.enqueueAll(this, byId);
    }

    /** Runs the job at {@code at}; a job with the same id that has not run yet is left as it is. */
    public boolean enqueueAt(String id, Instant at, T data) {
        return jobs.enqueue(this, id, at, data, false);
    }
}
