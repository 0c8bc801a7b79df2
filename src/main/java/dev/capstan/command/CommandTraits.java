package dev.capstan.command;

import java.util.Optional;

/**
 * What the platform knows about any command, class-based or declared as data: who may run it, whether it leaves the
 * process, and the command's own guard (a declared command's users, roles and channels) checked after the access rules.
 */
public record CommandTraits(Role role, boolean slow, Guard guard) {
    /** A command's own rule on who may run it where; the configured access rules apply on top and can only narrow it. */
    @FunctionalInterface
    public interface Guard {
        Guard NONE = caller -> Optional.empty();

        /** Empty when the caller may run the command here; otherwise why not, in words the caller can act on. */
        Optional<String> refusal(Caller caller);
    }

    public CommandTraits {
        if (role == null) throw new IllegalArgumentException("A command needs a least role");
        if (guard == null) guard = Guard.NONE;
    }

    public CommandTraits(Role role, boolean slow) {
        this(role, slow, Guard.NONE);
    }

    public static CommandTraits of(CommandInfo info) {
        return new CommandTraits(info.role(), info.slow());
    }
}
