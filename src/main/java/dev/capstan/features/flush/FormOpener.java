package dev.capstan.features.flush;

import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import dev.capstan.command.Reply;
import dev.capstan.slack.SlackWebApi;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the modal at once with a "checking…" view (Slack's trigger lasts 3 seconds and works once), then updates it:
 * the form for people who may flush a site, or why not and how to ask, for everyone else.
 */
final class FormOpener {
    private static final Logger log = LoggerFactory.getLogger(FormOpener.class);

    private final Sites sites;
    private final SiteAccess access;
    private final SlackWebApi slack;

    FormOpener(Sites sites, SiteAccess access, SlackWebApi slack) {
        this.sites = sites;
        this.access = access;
        this.slack = slack;
    }

    Reply open(String userId, String channelId, String triggerId, List<String> targets) {
        if (sites.all().isEmpty()) {
            return Reply.text("No cache-flush sites are configured yet: an admin adds them under `families.flush.sites` (see the README).");
        }
        if (triggerId == null || triggerId.isBlank()) return Reply.text(":warning: Slack sent no trigger to open the form with; run `/flush` again.");
        View opening = FlushViews.checking();
        ViewsOpenResponse opened;
        try {
            opened = slack.call("views.open", m -> m.viewsOpen(r -> r.triggerId(triggerId).view(opening)));
        } catch (SlackWebApi.SlackCallFailed e) {
            return Reply.text(":warning: Slack did not open the cache flush form (" + e.error() + "). Slack allows 3 seconds for it; "
                    + "run `/flush` again.");
        } catch (Exception e) {
            log.warn("views.open failed for the cache flush form", e);
            return Reply.text(":warning: Slack did not answer when opening the cache flush form; run `/flush` again.");
        }
        List<Site> usable = access.usable(userId, channelId);
        View view = usable.isEmpty() ? FlushViews.notAllowed(userId, sites.all())
                : FlushViews.form(usable, String.join("\n", targets), channelId);
        String viewId = opened.getView().getId();
        String hash = opened.getView().getHash();
        try {
            slack.call("views.update", m -> m.viewsUpdate(r -> r.viewId(viewId).hash(hash).view(view)));
        } catch (SlackWebApi.SlackCallFailed e) {
            return Reply.text(":warning: The form opened but could not be filled in (" + e.error() + "); close it and run `/flush` again.");
        } catch (Exception e) {
            log.warn("views.update failed for the cache flush form", e);
            return Reply.text(":warning: The form opened but Slack did not answer; close it and run `/flush` again.");
        }
        return Reply.text(usable.isEmpty() ? "You may not flush any site's cache yet; the form says how to ask for access."
                : "Opened the cache flush form.");
    }
}
