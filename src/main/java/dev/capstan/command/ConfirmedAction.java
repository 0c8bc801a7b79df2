package dev.capstan.command;

/** What a command asked to be confirmed, run once its owner clicks "Confirm". */
@FunctionalInterface
public interface ConfirmedAction<T> {
    Reply run(CommandContext context, T payload) throws Exception;
}
