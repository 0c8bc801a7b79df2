package dev.capstan.command.builtin;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.time.Duration;
import picocli.CommandLine.Command;

@Command(name = "ping", description = "Check that Capstan answers (and, with `ping job`, that its job workers deliver).")
@CommandInfo(role = Role.MEMBER)
final class Ping implements CapstanCommand {
    @Override
    public Reply run(CommandContext context) {
        return Reply.text(":white_check_mark: pong");
    }

    @Command(name = "job", description = "Round-trip through the durable job queue and reply via response_url.")
    @CommandInfo(role = Role.MEMBER, slow = true)
    static final class ThroughJob implements CapstanCommand {
        @Override
        public Reply run(CommandContext context) {
            Duration waited = Duration.between(context.invocation().receivedAt(), context.clock().instant());
            return Reply.text(":white_check_mark: pong from a job worker, " + Math.max(0, waited.toMillis()) + " ms after the request");
        }
    }
}
