package dev.capstan.command;

import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command declared as data rather than as an annotated class: a picocli {@link CommandSpec} built with its
 * programmatic API, the traits the policy needs, and what runs once the arguments parsed. It goes through the same
 * registry, help, access policy, did-you-mean and audit as a class-based command.
 */
public record DeclaredCommand(String name, CommandTraits traits, Supplier<CommandSpec> spec, Handler handler) {
    /** Runs a parsed declared command. */
    @FunctionalInterface
    public interface Handler {
        Reply run(CommandContext context, ParsedArguments arguments) throws Exception;
    }

    public DeclaredCommand {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("A declared command needs a name");
        if (traits == null || spec == null || handler == null) {
            throw new IllegalArgumentException("Declared command '" + name + "' needs traits, a spec and a handler");
        }
    }
}
