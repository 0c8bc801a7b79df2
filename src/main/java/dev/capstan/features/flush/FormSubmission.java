package dev.capstan.features.flush;

import dev.capstan.slack.Interactions.Submission;
import dev.capstan.slack.Interactions.SubmitAnswer;
import dev.capstan.slack.Interactions.SubmitHandler;
import dev.capstan.command.Refusal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A submitted cache flush form: every rule is checked before anything is sent, and each problem is shown next to its
 * input; an accepted request turns the modal into "being processed" and queues one purge per view (a double submit
 * or Slack's retry carries the same view id and hash, so it purges once).
 */
final class FormSubmission implements SubmitHandler {
    private final Sites sites;
    private final SiteAccess access;
    private final PurgeStarter starter;

    FormSubmission(Sites sites, SiteAccess access, PurgeStarter starter) {
        this.sites = sites;
        this.access = access;
        this.starter = starter;
    }

    @Override
    public SubmitAnswer submit(Submission submission) {
        String channel = submission.privateMetadata() == null || submission.privateMetadata().isBlank() ? null : submission.privateMetadata();
        Optional<Site> site = sites.find(submission.values().get(FlushViews.SITE));
        if (site.isEmpty()) return SubmitAnswer.errors(Map.of(FlushViews.SITE, "Choose one of the sites."));
        if (!access.mayUse(submission.userId(), channel, site.get())) {
            return SubmitAnswer.refused(FlushViews.SITE, new Refusal("site " + site.get().name() + " access", "You may not flush site "
                    + site.get().name() + "; ask an admin for access (your Slack member id is " + submission.userId() + ")."));
        }
        OrderCheck.Checked checked = OrderCheck.check(site.get(), submission.values().get(FlushViews.KIND),
                submission.values().get(FlushViews.MODE), submission.values().get(FlushViews.TARGETS));
        if (!checked.errors().isEmpty()) return SubmitAnswer.errors(checked.errors());
        String key = submission.viewId() == null ? "form:" + UUID.randomUUID() : "form:" + submission.viewId() + ":" + submission.viewHash();
        starter.start(key, checked.order(), submission.userId(), submission.viewId(), submission.viewHash());
        return SubmitAnswer.update(FlushViews.processing(checked.order(), site.get()));
    }
}
