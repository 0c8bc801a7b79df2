package dev.capstan.features.flush;

import dev.capstan.jobs.JobFailure;
import dev.capstan.jobs.JobHandler;
import dev.capstan.jobs.JobResult;
import dev.capstan.jobs.JobRun;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Carries out a purge, call by call: each call first takes its share of the shared rate budget (or the job waits),
 * every answer is recorded at once (a retried run skips what was sent), a 429 waits and tries again a few times;
 * at the end, or when the job gives up, the result is reported.
 */
final class PurgeJob implements JobHandler<PurgeJob.Task> {
    static final String NAME = "flush.purge";
    static final int MOST_RATE_LIMITED = 5;

    /** The purge to carry on, and how many 429s its current call has had. */
    record Task(String purgeId, int rateLimited) { }

    private final Purges purges;
    private final Sites sites;
    private final Providers providers;
    private final RateBudget budget;
    private final ResultReporter reporter;

    PurgeJob(Purges purges, Sites sites, Providers providers, RateBudget budget, ResultReporter reporter) {
        this.purges = purges;
        this.sites = sites;
        this.providers = providers;
        this.budget = budget;
        this.reporter = reporter;
    }

    @Override
    public JobResult<Task> run(JobRun<Task> run) {
        Optional<Purge> found = purges.find(run.data().purgeId());
        if (found.isEmpty() || found.get().finished()) return JobResult.done();
        Purge purge = found.get();
        Optional<Site> site = sites.find(purge.order().site());
        if (site.isEmpty()) {
            purges.recordCall(purge.id(), 1, CallOutcome.refused(0, "Site " + purge.order().site() + " is no longer configured.", null));
            reporter.report(purge, null, List.of(new PurgeCall(1, null, purge.order().targets())));
            return JobResult.done();
        }
        PurgeProvider provider = providers.of(site.get());
        List<PurgeCall> plan = provider.plan(site.get(), purge.order());
        Set<Integer> sent = purges.calls(purge.id()).stream().map(Purges.CallRecord::number).collect(Collectors.toSet());
        int rateLimited = run.data().rateLimited();
        for (PurgeCall call : plan) {
            if (sent.contains(call.number())) continue;
            Duration wait = budget.take(provider.charges(purge.order(), call));
            if (!wait.isZero()) return JobResult.again(wait, new Task(purge.id(), rateLimited));
            CallOutcome outcome = provider.send(site.get(), purge, call);
            if (outcome.rateLimited() && rateLimited < MOST_RATE_LIMITED) {
                return JobResult.again(outcome.retryAfter(), new Task(purge.id(), rateLimited + 1));
            }
            purges.recordCall(purge.id(), call.number(), outcome.rateLimited() ? CallOutcome.refused(outcome.httpStatus(),
                    "Still rate-limited after " + (rateLimited + 1) + " tries" + (outcome.detail() == null ? "" : ": " + outcome.detail()),
                    outcome.supportId()) : outcome);
            rateLimited = 0;
        }
        reporter.report(purge, site.get(), plan);
        return JobResult.done();
    }

    /** When the job stops without finishing (no answer, missing credentials): the calls not sent fail, and that is reported too. */
    void gaveUp(JobRun<Task> run, JobFailure failure) {
        Optional<Purge> found = purges.find(run.data().purgeId());
        if (found.isEmpty() || found.get().finished()) return;
        Purge purge = found.get();
        Site site = sites.find(purge.order().site()).orElse(null);
        List<PurgeCall> plan = site == null ? List.of(new PurgeCall(1, null, purge.order().targets()))
                : providers.of(site).plan(site, purge.order());
        for (PurgeCall call : plan) purges.recordCall(purge.id(), call.number(), CallOutcome.refused(0, failure.sentence(), null));
        reporter.report(purge, site, plan);
    }
}
