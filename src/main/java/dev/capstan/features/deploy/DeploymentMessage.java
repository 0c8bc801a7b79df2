package dev.capstan.features.deploy;

import dev.capstan.command.Block;
import dev.capstan.command.Reply;
import dev.capstan.platform.Durations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The one Slack message of a deployment: ref, short sha, environment, who, state, CI link, environment link, duration. */
final class DeploymentMessage {
    private DeploymentMessage() {
    }

    /** The key the message is kept under, so any replica updates the same message. */
    static String key(long deploymentId) {
        return "deploy-" + deploymentId;
    }

    static Reply render(Deployment d, Instant now) {
        String ref = "`" + d.gitRef().label() + "`" + (d.sha() == null ? "" : " (`" + d.shortSha() + "`)");
        String headline = d.state().emoji() + " Deployment of " + ref + " to `" + d.environment() + "` " + d.state().label();
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
