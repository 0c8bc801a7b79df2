package dev.capstan.slack;

import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.capstan.command.EventSubscriptions;
import dev.capstan.command.HomeSections;
import dev.capstan.jobs.JobOptions;
import dev.capstan.jobs.JobResult;
import dev.capstan.jobs.JobType;
import dev.capstan.jobs.Jobs;
import dev.capstan.store.HomePublishes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each person's Home tab (Slack's {@code app_home_opened} event and {@code views.publish}): every family's section in
 * the order they registered, within Slack's 100 blocks, a failing section shown as such without hiding the others;
 * published at most once every few seconds per person across replicas, with a trailing publish so that the last change
 * is not lost.
 */
public final class HomeTab {
    private static final Logger log = LoggerFactory.getLogger(HomeTab.class);
    /** Slack's limit for a Home tab view. */
    static final int MAX_BLOCKS = 100;
    /** How often one person's Home is published at most. */
    public static final Duration EVERY = Duration.ofSeconds(5);

    /** The job's data: whose Home to publish, and whether this run is the trailing publish at the end of a wait. */
    public record Publish(String userId, boolean trailing) { }

    private final HomeSections sections;
    private final HomePublishes throttle;
    private final SlackWebApi slack;
    private final BlockKitRenderer renderer;
    private final Clock clock;
    private final JobType<Publish> publishes;

    public HomeTab(HomeSections sections, EventSubscriptions events, HomePublishes throttle, SlackWebApi slack,
                   BlockKitRenderer renderer, Clock clock, Jobs jobs) {
        this.sections = sections;
        this.throttle = throttle;
        this.slack = slack;
        this.renderer = renderer;
        this.clock = clock;
        this.publishes = jobs.define("home-publish", Publish.class, JobOptions.retrying(jobs.settings(),
                (run, failure) -> log.warn("Gave up publishing the Home tab of {}: {}", run.data().userId(), failure.sentence())),
                run -> publishOrWait(run.data()));
        sections.publishWith(userId -> publishes.enqueue(new Publish(userId, false)));
        events.on("app_home_opened", event -> {
            if ("home".equals(event.field("tab"))) sections.changed(event.userId());
        });
    }

    /**
     * Publishes now when this person's slot is free, else once it is (one trailing publish per slot, whoever asked). A
     * trailing publish whose slot is still taken runs again when it frees rather than asking for itself, which would
     * be a no-op under its own id and lose the last change. Instants are kept to the microsecond the databases and the
     * deadline scheduler keep, so that a slot due by the scheduler is also free by the claim.
     */
    private JobResult<Publish> publishOrWait(Publish publish) throws Exception {
        String userId = publish.userId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        HomePublishes.Claim claim = throttle.claim(userId, now, now.plus(EVERY));
        if (!claim.granted()) {
            Instant at = claim.nextAllowed();
            if (publish.trailing()) return JobResult.again(Duration.between(now, at), publish);
            publishes.enqueueAt("home:" + userId + ":" + at, at, new Publish(userId, true));
            return JobResult.done();
        }
        View view = View.builder().type("home").blocks(view(userId)).build();
        slack.call("views.publish", m -> m.viewsPublish(r -> r.userId(userId).view(view)));
        return JobResult.done();
    }

    /** Every family's section for this person, each given a fair share of the blocks when together they are too many. */
    List<LayoutBlock> view(String userId) {
        List<List<LayoutBlock>> parts = new ArrayList<>();
        for (HomeSections.Part part : sections.parts()) {
            try {
                List<LayoutBlock> blocks = renderer.blocks(part.section().blocks(userId));
                if (!blocks.isEmpty()) parts.add(blocks);
            } catch (Exception e) {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("The Home section of {} failed for {} (reference {})", part.family(), userId, reference, e);
                parts.add(List.of(BlockKitRenderer.note(":warning: The " + part.family() + " part could not be shown just now "
                        + "(reference `" + reference + "`).")));
            }
        }
        if (parts.isEmpty()) return List.of(BlockKitRenderer.note("Nothing needs you right now."));
        int[] shares = shares(parts.stream().mapToInt(List::size).toArray(), MAX_BLOCKS - (parts.size() - 1));
        List<LayoutBlock> view = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) view.add(DividerBlock.builder().build());
            List<LayoutBlock> part = parts.get(i);
            if (shares[i] >= part.size()) {
                view.addAll(part);
            } else if (shares[i] > 0) {
                view.addAll(part.subList(0, shares[i] - 1));
                view.add(BlockKitRenderer.note(":scissors: " + (part.size() - shares[i] + 1) + " more blocks did not fit on the Home tab."));
            }
        }
        return view;
    }

    /** Splits {@code budget} blocks so that small parts get all they ask and big ones share the rest evenly. */
    static int[] shares(int[] sizes, int budget) {
        int[] shares = new int[sizes.length];
        Integer[] order = new Integer[sizes.length];
        for (int i = 0; i < sizes.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(sizes[a], sizes[b]));
        int remaining = Math.max(0, budget);
        for (int k = 0; k < order.length; k++) {
            int fair = remaining / (order.length - k);
            shares[order[k]] = Math.min(sizes[order[k]], fair);
            remaining -= shares[order[k]];
        }
        return shares;
    }
}
