package dev.capstan.features.deploy;

import dev.capstan.command.Block;
import dev.capstan.command.Destination;
import dev.capstan.command.Reply;
import dev.capstan.command.SlackIds;
import dev.capstan.command.UserError;
import dev.capstan.command.WorkspaceEvent;
import dev.capstan.jobs.JobResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * deploybot greeted people joining its rooms: someone who joins a channel bound to a repository (Slack's
 * {@code member_joined_channel}) without a linked GitHub login sees the claim buttons once, in a message only they see.
 * The event is answered at once; a job asks GitHub for the collaborators and posts the message.
 */
final class Newcomers {
    private static final Logger log = LoggerFactory.getLogger(Newcomers.class);
    private final Jdbi jdbi;
    private final DeployServices services;
    private final Supplier<Optional<String>> botUserId;

    Newcomers(Jdbi jdbi, DeployServices services, Supplier<Optional<String>> botUserId) {
        this.jdbi = jdbi;
        this.services = services;
        this.botUserId = botUserId;
    }

    /**
     * The event: a person without a GitHub link joined a bound channel they were never offered the buttons in. Slack
     * sends the event for the bot's own join too; the bot is offered nothing.
     */
    void joined(WorkspaceEvent event) {
        String userId = event.userId();
        String channelId = event.field("channel");
        if (userId == null || !SlackIds.isUser(userId) || channelId == null || channelId.length() > 32) return;
        if (botUserId.get().filter(userId::equals).isPresent()) return;
        if (services.bindings().inChannel(channelId).isEmpty() || services.identities().find(userId).isPresent()) return;
        boolean first = jdbi.withHandle(h -> h.createUpdate("""
                        insert into deploy_claim_offers (channel_id, user_id, offered_at) values (:c, :u, :at) on conflict do nothing""")
                .bind("c", channelId).bind("u", userId).bind("at", services.clock().instant()).execute()) == 1;
        if (first) services.jobs().claimOffer().enqueue(new DeployJobs.ClaimOffer(channelId, userId));
    }

    /** The job: the buttons, unless the person linked a login meanwhile or every collaborator is claimed. */
    JobResult<DeployJobs.ClaimOffer> offer(DeployJobs.ClaimOffer offer) {
        Optional<Binding> binding = services.bindings().inChannel(offer.channelId());
        if (binding.isEmpty() || services.identities().find(offer.userId()).isPresent()) return JobResult.done();
        List<String> unclaimed;
        try {
            unclaimed = ClaimButtons.unclaimed(services, binding.get().repository());
        } catch (UserError cannotList) {
            log.info("No GitHub buttons for a newcomer to {}: {}", offer.channelId(), cannotList.getMessage());
            return JobResult.done();
        }
        if (unclaimed.isEmpty()) return JobResult.done();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section("Hi <@" + offer.userId() + ">! This channel deploys `" + binding.get().repository() + "`. "
                + ClaimButtons.ASK));
        blocks.addAll(ClaimButtons.rows(unclaimed, ClaimButtons.REPLACING));
        services.outbox().send(new Destination.Ephemeral(offer.channelId(), offer.userId()),
                Reply.blocks("Hi! Who are you when you're not here?", blocks));
        return JobResult.done();
    }
}
