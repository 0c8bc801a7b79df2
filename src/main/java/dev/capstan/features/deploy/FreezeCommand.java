package dev.capstan.features.deploy;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code freeze list [env]}: each environment's freeze windows, the current and the next, in each window's own time zone. */
@Command(name = "freeze", description = "The current and next freeze windows of each environment, or of one.")
@CommandInfo(role = Role.MEMBER)
final class FreezeCommand implements CapstanCommand {
    private final DeployServices services;

    @Parameters(index = "0", paramLabel = "list", description = "`list`")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ENV")
    String environment;

    FreezeCommand(DeployServices services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        if (!"list".equalsIgnoreCase(action)) return Reply.text("Usage: `/deploy freeze list [env]`: the current and next freeze windows.");
        List<String> names = environment == null ? services.environments().names() : List.of(services.environment(environment).name());
        Instant now = services.clock().instant();
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            Freezes freezes = services.environment(name).policy().freezes();
            if (freezes.none()) continue;
            text.append(text.length() == 0 ? "" : "\n").append("*").append(name).append("*: ").append(state(freezes, now));
            freezes.rules().forEach(rule -> text.append("\n    • ").append(rule.describe()));
        }
        if (text.length() == 0) {
            return Reply.text("No freeze windows are configured" + (environment == null ? "." : " for `" + names.get(0) + "`.")
                    + " They are set per environment in the `deploy` configuration (`freeze:`).");
        }
        return Reply.text(text.toString());
    }

    /** ":snowflake: frozen now, since … until …; next from … to …" or ":sunny: not frozen; next …". */
    static String state(Freezes freezes, Instant now) {
        StringBuilder text = new StringBuilder();
        freezes.current(now).ifPresentOrElse(
                w -> text.append(":snowflake: frozen now, since ").append(w.startText()).append(" until ").append(w.endText()),
                () -> text.append(":sunny: not frozen"));
        Instant after = freezes.current(now).map(Freezes.Window::end).orElse(now);
        freezes.next(after.minusNanos(1)).filter(w -> w.start().isAfter(now))
                .ifPresentOrElse(w -> text.append("; next from ").append(w.startText()).append(" to ").append(w.endText()),
                        () -> text.append("; no later window"));
        return text.toString();
    }
}
