package dev.capstan.features.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.command.Reply;
import java.util.Map;

/** What one step of a run came to: look again later (showing a new message version or not), follow it by the clock, or the end. */
sealed interface Step {
    /** Poll again with {@code next}; {@code show} is the message's new version, or null when nothing visible changed. */
    record Again(Run next, Reply show) implements Step { }

    /**
     * Something started that runs for minutes (an ECS task): follow it with {@code next} from now on by Capstan's clock,
     * a poll every {@code poll_every}, as a deadline job does; {@code show} as for {@link Again}.
     */
    record Follow(Run next, Reply show) implements Step { }

    /** The action ended: the result's variables ({@code job.*} or {@code response.*}), and whether it went well. */
    record Finished(Map<String, String> values, JsonNode json, boolean ok, String outcome, String failure) implements Step {
        public Finished {
            values = Map.copyOf(values);
        }
    }
}
