package dev.capstan.command;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Ready picocli command lines of one command, reused across requests: building one reflects over the command class
 * and cost more than all the rest of a fast command's path. Picocli resets every option and parameter to its initial
 * value before each parse, so a reused line starts clean; each line serves one request at a time.
 */
public final class CommandLines {
    private static final int KEEP = 16;

    private final Supplier<? extends CapstanCommand> factory;
    private final String family;
    private final List<String> path;
    private final BlockingQueue<CommandLine> idle = new ArrayBlockingQueue<>(KEEP);

    CommandLines(Supplier<? extends CapstanCommand> factory, String family, List<String> path) {
        this.factory = factory;
        this.family = family;
        this.path = List.copyOf(path);
    }

    /** A line named for how the caller reached the command ({@code /capstan timereport add} or {@code /timereport add}). */
    CommandLine take(String prefix) {
        CommandLine line = idle.poll();
        if (line == null) return PicocliCommands.commandLine(factory.get(), prefix, path);
        line.setCommandName(PicocliCommands.name(prefix, path));
        return line;
    }

    /** Hands a line back once its request is done with it; a line whose command failed is not handed back. */
    void release(CommandLine line) {
        idle.offer(line);
    }

    /** A line around the instance registration made anyway, for reading the command's synopsis and usage. */
    CommandLine describe(CapstanCommand sample) {
        return PicocliCommands.commandLine(sample, family, path);
    }
}
