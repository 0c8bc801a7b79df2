package dev.capstan.features.deploy;

import dev.capstan.command.Block;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * For the channels a person is in that are bound to a repository: what is deployed to each environment (the last
 * successful deployment) and the freeze on it now or next, so they see where things stand without asking.
 */
final class DeployedHere {
    private static final int CHANNELS_SHOWN = 10;

    private final MyChannels channels;
    private final Bindings bindings;
    private final Deployments deployments;
    private final Environments environments;
    private final Clock clock;

    DeployedHere(MyChannels channels, Bindings bindings, Deployments deployments, Environments environments, Clock clock) {
        this.channels = channels;
        this.bindings = bindings;
        this.deployments = deployments;
        this.environments = environments;
        this.clock = clock;
    }

    List<Block> blocks(String userId) {
        List<Block> blocks = new ArrayList<>();
        Instant now = clock.instant();
        for (String channel : channels.of(userId)) {
            Optional<Binding> bound = bindings.inChannel(channel);
            if (bound.isEmpty()) continue;
            List<String> lines = new ArrayList<>();
            for (String env : environments.names()) {
                Optional<Deployment> last = deployments.lastSuccess(bound.get().repository(), env);
                Optional<String> freeze = environments.find(env).map(e -> freeze(e.policy().freezes(), now)).flatMap(f -> f);
                if (last.isEmpty() && freeze.isEmpty()) continue;
                lines.add("`" + env + "`: " + last.map(DeployedHere::deployed).orElse("nothing deployed yet")
                        + freeze.map(f -> " · " + f).orElse(""));
            }
            if (lines.isEmpty()) continue;
            if (blocks.isEmpty()) blocks.add(new Block.Section("*In your channels*"));
            blocks.add(new Block.Section("<#" + channel + "> `" + bound.get().repository() + "`\n" + String.join("\n", lines)));
            if (blocks.size() > CHANNELS_SHOWN) break;
        }
        return blocks;
    }

    private static String deployed(Deployment d) {
        return ":white_check_mark: `" + d.gitRef().label() + "`" + (d.shortSha().isEmpty() ? "" : " (" + d.shortSha() + ")")
                + (d.requestedBy() == null ? ", " + d.trigger() : " by <@" + d.requestedBy() + ">")
                + ", " + Since.of(d.finishedAt() == null ? d.createdAt() : d.finishedAt());
    }

    private static Optional<String> freeze(Freezes freezes, Instant now) {
        Optional<Freezes.Window> current = freezes.current(now);
        if (current.isPresent()) {
            Freezes.Window w = current.get();
            return Optional.of(":snowflake: frozen now" + (w.openEnded() ? "" : ", until " + Freezes.show(w.end(), w.zone())));
        }
        return freezes.next(now).map(w -> "next freeze " + Freezes.show(w.start(), w.zone())
                + (w.openEnded() ? "" : " to " + Freezes.show(w.end(), w.zone())));
    }
}
