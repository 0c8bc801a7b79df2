package dev.capstan.features.deploy;

import dev.capstan.command.Block;
import dev.capstan.command.HomeSections;
import dev.capstan.command.People;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Deployments' part of a person's Home tab: the approvals waiting for them (Approve and Reject go through the card's own
 * handlers, with the card's rules), their deployments that have not ended, the locks they hold, each with Unlock, and
 * what is deployed where in the channels they are in.
 */
final class DeployHome implements HomeSections.Section {
    static final String UNLOCK = "deploy.home.unlock";
    private static final int PENDING_READ = 200;
    private static final int SHOWN = 10;

    private final ApprovalRequests approvals;
    private final Deployments deployments;
    private final DeployLocks locks;
    private final Environments environments;
    private final People people;
    private final DeployedHere deployedHere;

    DeployHome(ApprovalRequests approvals, Deployments deployments, DeployLocks locks, Environments environments, People people,
               DeployedHere deployedHere) {
        this.deployedHere = deployedHere;
        this.approvals = approvals;
        this.deployments = deployments;
        this.locks = locks;
        this.environments = environments;
        this.people = people;
    }

    @Override
    public List<Block> blocks(String userId) {
        List<Block> blocks = new ArrayList<>();
        List<ApprovalRequest> waiting = waitingFor(userId);
        List<Deployment> mine = deployments.unfinishedBy(userId, SHOWN);
        List<DeployLock> held = locks.locksOf(userId);
        List<Block> here = deployedHere.blocks(userId);
        if (waiting.isEmpty() && mine.isEmpty() && held.isEmpty() && here.isEmpty()) return blocks;
        blocks.add(new Block.Header("Deployments"));
        if (!waiting.isEmpty()) {
            blocks.add(new Block.Section("*Waiting for your approval*"));
            for (ApprovalRequest r : waiting) {
                blocks.add(new Block.Section(":raised_hand: `" + r.gitRef().label() + "` to `" + r.environment() + "` in `" + r.repository()
                        + "`, asked by " + (r.requestedBy() == null ? r.trigger() : "<@" + r.requestedBy() + ">") + " · "
                        + r.approvals().size() + " of " + r.needed() + " approvals · expires " + Since.of(r.expiresAt())));
                blocks.add(new Block.Actions(List.of(
                        new Block.Button("Approve", ApprovalCard.APPROVE, String.valueOf(r.id()), Block.Button.Style.PRIMARY),
                        new Block.Button("Reject", ApprovalCard.REJECT, String.valueOf(r.id()), Block.Button.Style.DANGER))));
            }
        }
        if (!mine.isEmpty()) {
            List<String> lines = mine.stream().map(d -> d.state().emoji() + " `" + d.gitRef().label() + "` to `" + d.environment()
                    + "` in `" + d.repository() + "`: " + d.state().label() + " (#" + d.id() + ", since " + Since.of(d.createdAt()) + ")").toList();
            blocks.add(new Block.Section("*Your deployments under way*\n" + String.join("\n", lines)));
        }
        for (DeployLock lock : held) {
            blocks.add(new Block.Section(":lock: You hold `" + lock.environment() + "` of `" + lock.repositoryKey() + "` since "
                    + Since.of(lock.since()) + (lock.reason() == null ? "" : ": " + lock.reason())));
            blocks.add(new Block.Actions(List.of(new Block.Button("Unlock", UNLOCK, lock.repositoryKey() + " " + lock.environment(),
                    Block.Button.Style.DEFAULT))));
        }
        blocks.addAll(here);
        return blocks;
    }

    /** Pending requests this person may approve and has not: the card's rules (the requester's own approval may not count). */
    private List<ApprovalRequest> waitingFor(String userId) {
        Role role = people.roleOf(userId);
        List<ApprovalRequest> mine = new ArrayList<>();
        for (ApprovalRequest r : approvals.allPending(PENDING_READ)) {
            DeployPolicy policy = environments.find(r.environment()).map(Environments.Environment::policy).orElse(DeployPolicy.OPEN);
            if (policy.approvals() == null || !policy.mayApprove(userId, role) || r.approvedBy(userId)) continue;
            if (userId.equals(r.requestedBy()) && !policy.approvals().selfApproval()) continue;
            mine.add(r);
            if (mine.size() == SHOWN) break;
        }
        return mine;
    }

    /** Unlock from the Home tab: only the holder's own lock (an admin forces one with {@code /deploy unlock --force}). */
    static Reply unlock(DeployLocks locks, String userId, String value, Consumer<String> homeChanged) {
        String[] parts = value == null ? new String[0] : value.split(" ", 2);
        if (parts.length != 2) return Reply.text(":warning: This button no longer works; use `/deploy unlock <env>`.");
        homeChanged.accept(userId);
        if (!locks.unlockHeldBy(parts[0], parts[1], userId)) {
            return Reply.text("You no longer hold the lock on `" + parts[1] + "` of `" + parts[0] + "`; nothing was changed.");
        }
        return Reply.text(":unlock: You unlocked `" + parts[1] + "` of `" + parts[0] + "`.");
    }
}
