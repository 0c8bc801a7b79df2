package dev.capstan.features.flush;

import com.slack.api.model.view.View;
import dev.capstan.jobs.JobHandler;
import dev.capstan.jobs.JobResult;
import dev.capstan.jobs.JobRun;
import dev.capstan.jobs.JobType;
import dev.capstan.slack.SlackJson;
import dev.capstan.slack.SlackWebApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a purge's result in the modal it was submitted from, after the submission's own "being processed" view: Slack
 * applies that view when the submission's ack reaches it, and a quick purge's result can reach Slack first. So the result
 * is sent with the submitted view's hash. Slack refusing it (hash_conflict) means the processing view is in place, and the
 * result then replaces it; Slack taking it means the ack may still come and overwrite it, so the result is shown once
 * more when Slack no longer waits for that ack.
 */
final class ModalResult implements JobHandler<ModalResult.Again> {
    static final String JOB = "flush.modal-result";
    /** Slack waits 3 s for a submission's ack; this long after the purge was asked for, it has applied the ack or dropped it. */
    static final Duration ACK_SETTLED = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ModalResult.class);
    private static final String HASH_CONFLICT = "hash_conflict";
    /** What Slack answers views.update for a modal that was closed meanwhile. */
    private static final Set<String> CLOSED = Set.of("not_found", "view_not_found");

    /** A result to show again: the modal, and the view as Slack's JSON. */
    record Again(String viewId, String view) { }

    private final SlackWebApi slack;
    private final Clock clock;
    private JobType<Again> again;

    ModalResult(SlackWebApi slack, Clock clock) {
        this.slack = slack;
        this.clock = clock;
    }

    void showAgainWith(JobType<Again> type) {
        this.again = type;
    }

    /** Shows {@code result} in the purge's modal, now, and again once the submission's ack has settled if it may overwrite it. */
    void show(Purge purge, View result) {
        String view = SlackJson.view(result);
        Instant settled = purge.requestedAt().plus(ACK_SETTLED);
        if (purge.viewHash() == null || !clock.instant().isBefore(settled)) {
            update(purge.viewId(), null, view);
            return;
        }
        String error = update(purge.viewId(), purge.viewHash(), view);
        if (error == null) again.enqueueOnceAt(JOB + ":" + purge.id(), settled, new Again(purge.viewId(), view));
        else if (error.equals(HASH_CONFLICT)) update(purge.viewId(), null, view);
    }

    @Override
    public JobResult<Again> run(JobRun<Again> run) {
        update(run.data().viewId(), null, run.data().view());
        return JobResult.done();
    }

    /** Null when Slack shows the view, else why not (a closed modal or a stale hash is expected; anything else is logged). */
    private String update(String viewId, String hash, String view) {
        try {
            slack.call("views.update", m -> m.viewsUpdate(r -> r.viewId(viewId).hash(hash).viewAsString(view)));
            return null;
        } catch (SlackWebApi.SlackCallFailed e) {
            if (CLOSED.contains(e.error())) log.debug("The modal {} was closed before the result; the DM has it", viewId);
            else if (!e.error().equals(HASH_CONFLICT)) log.warn("Could not show a purge result in modal {}: {}", viewId, e.error());
            return e.error();
        } catch (Exception e) {
            log.warn("Could not show a purge result in modal {}", viewId, e);
            return "no answer";
        }
    }
}
