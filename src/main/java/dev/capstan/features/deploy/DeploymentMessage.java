package dev.capstan.features.deploy;

import dev.capstan.command.Block;
import dev.capstan.command.Reply;
import dev.capstan.platform.Durations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one Slack message of a deployment: ref, short sha, environment, who, state, CI link, environment link, duration;
 * whether it is a rollback, overrode a freeze or was approved; and the watchdog's warning when nothing picked it up.
 */
final class DeploymentMessage {
    private DeploymentMessage() {
    }

    static Reply render(Deployment d, Instant now) {
        String ref = "`" + d.gitRef().label() + "`" + (d.sha() == null ? "" : " (`" + d.shortSha() + "`)");
        String headline = d.state().emoji() + (d.origin().rollbackTo() == null ? "" : " Rollback:") + " Deployment of " + ref
                + " to `" + d.environment() + "` " + d.state().label();
        List<String> fields = new ArrayList<>();
        fields.add("*Environment*\n`" + d.environment() + "`" + (d.pullRequest() == null ? "" : " (pull request #" + d.pullRequest() + ")"));
        fields.add("*Started by*\n" + d.who() + (d.trigger().equals("slack") ? "" : " (" + d.trigger() + ")"));
        fields.add("*State*\n" + d.state().emoji() + " " + d.state().label());
        fields.add("*CI*\n" + ci(d));
        fields.add("*Environment URL*\n" + (d.environmentUrl() == null ? "not set" : "<" + d.environmentUrl() + ">"));
        fields.add("*" + (d.state().ended() ? "Took" : "Running for") + "*\n" + Durations.format(d.duration(now)));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section("*" + headline + "*", fields));
        if (d.detail() != null) blocks.add(new Block.Section(d.detail()));
        if (d.unheardAt() != null && !d.heard() && !d.state().ended()) blocks.add(new Block.Section(Watchdog.warning(d)));
        List<String> origin = new ArrayList<>();
        if (d.origin().rollbackTo() != null) {
            origin.add(":leftwards_arrow_with_hook: Rollback to the commit of deployment #" + d.origin().rollbackTo());
        }
        if (d.origin().emergencyReason() != null) {
            origin.add(":rotating_light: Emergency override of a freeze: " + d.origin().emergencyReason());
        }
        if (d.origin().approvedBy() != null) origin.add(":white_check_mark: Approved by " + d.origin().approvedBy());
        if (!origin.isEmpty()) blocks.add(new Block.Context(String.join("\n", origin)));
        blocks.add(new Block.Context("Deployment #" + d.id() + " of `" + d.repository() + "`"
                + (d.githubId() == null ? "" : " · GitHub deployment " + d.githubId())));
        return new Reply(headline, blocks, Reply.Visibility.IN_CHANNEL, false);
    }

    private static String ci(Deployment d) {
        String name = switch (d.ci()) {
            case "circleci" -> "CircleCI";
            case "jenkins" -> "Jenkins";
            case "github_actions" -> "GitHub Actions";
            default -> "none (a deployment service reacting to GitHub)";
        };
        return d.logUrl() == null ? name : "<" + d.logUrl() + "|" + name + " log>";
    }
}
