package dev.capstan.features.commands;

import dev.capstan.command.CommandContext;
import dev.capstan.command.ConfirmationType;
import dev.capstan.command.ParsedArguments;
import dev.capstan.command.Refusal;
import dev.capstan.command.Reply;
import dev.capstan.command.UserError;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What runs once picocli parsed a declared command: arguments required when a condition holds, {@code --dry-run}, the
 * policy's conditions on argument values, "are you sure?" when {@code confirm_when} holds, then the start of the run.
 */
final class RunDeclared {
    /** A run waiting for its owner's confirmation; {@code requestKey} is the Slack request that asked. */
    record Confirmed(String command, Map<String, String> arguments, String display, String requestKey) { }

    private final CommandServices services;
    private final StartRun start;
    private final DryRun dryRun;
    private ConfirmationType<Confirmed> confirmation;

    RunDeclared(CommandServices services, StartRun start, DryRun dryRun) {
        this.services = services;
        this.start = start;
        this.dryRun = dryRun;
    }

    void confirmWith(ConfirmationType<Confirmed> type) {
        this.confirmation = type;
    }

    /** Runs {@code command} as it was when its picocli spec was made, so that arguments and declaration always match. */
    Reply run(LoadedCommand command, CommandContext context, ParsedArguments parsed) {
        Declaration declaration = command.declaration();
        String name = declaration.name();
        Map<String, String> arguments = CommandSpecs.values(declaration, parsed);
        for (Parameter parameter : declaration.parameters()) {
            if (parameter.requiredWhen() != null && parameter.requiredWhen().holds(arguments) && !arguments.containsKey(parameter.name())) {
                throw new UserError(":warning: " + (parameter.positional() ? "<" + parameter.name() + ">" : "--" + parameter.name())
                        + " is required when " + parameter.requiredWhen().source() + ".\n```"
                        + CommandSpecs.usage(declaration, context.displayName(), services.clock()) + "```");
            }
        }
        String display = display(context);
        if (Boolean.TRUE.equals(parsed.get(CommandSpecs.DRY_RUN))) return dryRun.reply(command, arguments, context.caller(), display);
        refuseByConditions(command, context, arguments);
        dryRun.check(command, arguments, context.caller());
        String requestKey = Optional.ofNullable(context.invocation().triggerId()).filter(t -> !t.isBlank())
                .orElseGet(() -> UUID.randomUUID().toString());
        if (declaration.policy().confirmWhen() != null && declaration.policy().confirmWhen().holds(arguments)) {
            return context.confirm("Run `" + Encoding.mrkdwn(display) + "`? It asks for confirmation when "
                    + declaration.policy().confirmWhen().source() + ".", confirmation, new Confirmed(name, arguments, display, requestKey));
        }
        return start.start(declaration, arguments, context.caller(), display, requestKey);
    }

    /** The owner confirmed: the command may have been reloaded meanwhile, so its policy is asked again. */
    Reply confirmed(CommandContext context, Confirmed confirmed) {
        LoadedCommand command = services.catalog().find(confirmed.command())
                .orElseThrow(() -> new UserError("`" + confirmed.command() + "` was taken out of the configuration meanwhile; nothing ran."));
        command.guard().refusal(context.caller()).ifPresent(why -> {
            throw new Refusal("`" + command.guard().name() + "` policy", ":no_entry: You can't run it any more: " + why + ".");
        });
        refuseByConditions(command, context, confirmed.arguments());
        return start.start(command.declaration(), confirmed.arguments(), context.caller(), confirmed.display(), confirmed.requestKey())
                .replacingOriginal();
    }

    private static void refuseByConditions(LoadedCommand command, CommandContext context, Map<String, String> arguments) {
        command.guard().refusal(context.caller(), arguments).ifPresent(why -> {
            throw new Refusal("`" + command.guard().name() + "` policy", ":no_entry: You can't run that here: " + why + ".");
        });
    }

    private static String display(CommandContext context) {
        String text = context.invocation().text().replaceAll("(^|\\s)--dry-run(?=\\s|$)", " ").replaceAll("\\s+", " ").trim();
        return (context.invocation().slashCommand() + " " + text).trim();
    }
}
