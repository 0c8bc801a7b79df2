package dev.capstan.features.deploy;

import dev.capstan.command.Block;
import dev.capstan.command.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * The approval card posted in the channel: what is to be deployed where and by whom, who approved so far and what is
 * missing, Approve and Reject while it waits; then who decided and when, or that it expired. Once approved and
 * started, the deployment's message takes the card's place.
 */
final class ApprovalCard {
    static final String APPROVE = "deploy.approve";
    static final String REJECT = "deploy.reject";

    private ApprovalCard() {
    }

    /** {@code rule} says who may approve ("1 approval from someone with role team_lead or above"). */
    static Reply render(ApprovalRequest r, String rule, boolean selfApproval) {
        String what = "`" + r.gitRef().label() + "`" + (r.sha() == null ? "" : " (`" + r.sha().substring(0, Math.min(7, r.sha().length())) + "`)")
                + " to `" + r.environment() + "`";
        String headline = switch (r.state()) {
            case PENDING -> ":raised_hand: Approval needed: deploy " + what;
            case APPROVED -> ":white_check_mark: Approved: deploy " + what;
            case REJECTED -> ":no_entry_sign: Rejected: deploy " + what;
            case EXPIRED -> ":hourglass: Expired: deploy " + what;
        };
        List<String> fields = new ArrayList<>();
        fields.add("*Requested by*\n" + requester(r));
        fields.add("*Repository*\n`" + r.repository() + "`");
        fields.add("*Approvals*\n" + r.approvals().size() + " of " + r.needed() + (r.approvals().isEmpty() ? "" : ": " + r.approvers()));
        if (r.state() == ApprovalRequest.State.PENDING) fields.add("*Missing*\n" + r.missing() + " more (" + rule + ")");
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section("*" + headline + "*", fields));
        if (r.rollbackTo() != null) blocks.add(new Block.Context(":leftwards_arrow_with_hook: Rollback to the commit of deployment #" + r.rollbackTo()));
        if (r.emergencyReason() != null) blocks.add(new Block.Context(":rotating_light: Emergency override of a freeze: " + r.emergencyReason()));
        switch (r.state()) {
            case PENDING -> {
                blocks.add(new Block.Actions(List.of(new Block.Button("Approve", APPROVE, String.valueOf(r.id()), Block.Button.Style.PRIMARY),
                        new Block.Button("Reject", REJECT, String.valueOf(r.id()), Block.Button.Style.DANGER))));
                blocks.add(new Block.Context("Approval request #" + r.id() + " · expires " + Since.of(r.expiresAt())
                        + (selfApproval ? "" : " · the requester's own approval does not count") + " · nothing is created at GitHub until it is approved"));
            }
            case APPROVED -> blocks.add(new Block.Section("Approved by " + r.approvers() + (r.outcome() == null ? "." : ". " + r.outcome())));
            case REJECTED -> blocks.add(new Block.Section("Rejected by <@" + r.decidedBy() + "> " + Since.of(r.decidedAt()) + "; nothing was deployed."));
            case EXPIRED -> blocks.add(new Block.Section("Expired " + Since.of(r.expiresAt()) + " with " + r.approvals().size() + " of "
                    + r.needed() + " approvals; nothing was deployed. Ask again with `/deploy " + r.gitRef().typed() + " to "
                    + r.environment() + "`."));
        }
        if (r.state() != ApprovalRequest.State.PENDING) blocks.add(new Block.Context("Approval request #" + r.id()));
        return new Reply(headline, blocks, Reply.Visibility.IN_CHANNEL, false);
    }

    private static String requester(ApprovalRequest r) {
        if (r.requestedBy() != null) return "<@" + r.requestedBy() + ">" + (r.trigger().equals("slack") ? "" : " (" + r.trigger() + ")");
        return (r.authorLogin() == null ? "GitHub" : "`" + r.authorLogin() + "` (GitHub)") + " (" + r.trigger() + ")";
    }
}
