package dev.capstan.command;

/** A picocli-parsed command object that the platform runs after the policy allowed it. */
public interface CapstanCommand {
    Reply run(CommandContext context) throws Exception;
}
