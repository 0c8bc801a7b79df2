package dev.capstan.features.deploy;

import dev.capstan.command.Refusal;
import dev.capstan.command.Reply;

/**
 * What the person who asked for a deployment (or a rollback) is told about what became of it; a refusal by one of the
 * environment's rules is a {@link Refusal}, so that the audit log records it as refused, by that rule.
 */
final class DeployOutcomes {
    private DeployOutcomes() {
    }

    static Reply reply(RequestDeployment.Outcome outcome, GitRef ref, String environment) {
        String what = "`" + ref.label() + "` to `" + environment + "`";
        if (outcome instanceof RequestDeployment.Outcome.Started started) {
            Deployment d = started.deployment();
            return Reply.text(":rocket: " + (d.origin().rollbackTo() == null ? "" : "Rollback: ") + "Deployment #" + d.id() + " of " + what
                    + " requested. Its message in this channel follows it to the end."
                    + (d.origin().emergencyReason() == null ? "" : " :rotating_light: The freeze is overridden: " + d.origin().emergencyReason()));
        }
        if (outcome instanceof RequestDeployment.Outcome.Queued queued) {
            String place = queued.place() < 1 ? "and starting now" : "#" + queued.place() + " in line";
            return Reply.text(":hourglass_flowing_sand: Your deployment of " + what + " is queued, " + place + ". " + queued.busy()
                    + " It starts by itself when `" + environment + "` is free, and I'll tell you.");
        }
        if (outcome instanceof RequestDeployment.Outcome.AwaitingApproval waiting) {
            return Reply.text(waiting.why() + " I posted approval request #" + waiting.request().id() + " for " + what
                    + " in this channel; nothing is created at GitHub until it is approved. It expires " + Since.of(waiting.request().expiresAt()) + ".");
        }
        if (outcome instanceof RequestDeployment.Outcome.Held held) {
            return Reply.text(":snowflake: The deployment of " + what + " is held until the freeze ends, " + held.window().endText() + ".");
        }
        RequestDeployment.Outcome.Refused refused = (RequestDeployment.Outcome.Refused) outcome;
        if (refused.rule() != null) throw new Refusal(refused.rule(), refused.why());
        return Reply.text(refused.why());
    }
}
