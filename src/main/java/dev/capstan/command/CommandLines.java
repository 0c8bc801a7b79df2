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

    private final Supplier<CommandLine> factory;
    private final DeclaredCommand.Handler declared;
    private final List<String> path;
    private final BlockingQueue<CommandLine> idle = new ArrayBlockingQueue<>(KEEP);

    private CommandLines(Supplier<CommandLine> factory, DeclaredCommand.Handler declared, List<String> path) {
        this.factory = factory;
        this.declared = declared;
        this.path = List.copyOf(path);
    }

    /** Lines around instances of an annotated command class. */
    static CommandLines ofClass(Supplier<? extends CapstanCommand> instances, String family, List<String> path) {
        return new CommandLines(() -> PicocliCommands.commandLine(instances.get(), family, path), null, path);
    }

    /** Lines around fresh copies of a declared command's spec. */
    static CommandLines ofDeclared(DeclaredCommand command, String family, List<String> path) {
        return new CommandLines(() -> PicocliCommands.commandLine(command.spec().get(), family, path), command.handler(), path);
    }

    /** A line named for how the caller reached the command ({@code /capstan timereport add} or {@code /timereport add}). */
    CommandLine take(String prefix) {
        CommandLine line = idle.poll();
        if (line == null) line = factory.get();
        line.setCommandName(PicocliCommands.name(prefix, path));
        return line;
    }

    /** Hands a line back once its request is done with it. */
    void release(CommandLine line) {
        idle.offer(line);
    }

    /** What runs once {@code line} parsed the caller's arguments. */
    CapstanCommand command(CommandLine line) {
        if (declared == null) return line.getCommand();
        ParsedArguments arguments = ParsedArguments.of(line.getParseResult());
        return context -> declared.run(context, arguments);
    }
}
