package dev.capstan.jobs;

/**
 * Does one run of a job. Returning {@link JobResult#done()} ends it; {@link JobResult#again} runs it again later
 * (polling a CI build). A {@code TransientFailure} (or any unexpected exception) retries with backoff; a
 * {@code PermanentFailure} or {@code UserError} ends it at once; either way the job's give-up handler hears why.
 */
@FunctionalInterface
public interface JobHandler<T> {
    JobResult<T> run(JobRun<T> run) throws Exception;
}
