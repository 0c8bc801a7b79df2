package dev.capstan.command;

/** What the platform knows about any command, class-based or declared as data: who may run it and whether it leaves the process. */
public record CommandTraits(Role role, boolean slow) {
    public CommandTraits {
        if (role == null) throw new IllegalArgumentException("A command needs a least role");
    }

    public static CommandTraits of(CommandInfo info) {
        return new CommandTraits(info.role(), info.slow());
    }
}
