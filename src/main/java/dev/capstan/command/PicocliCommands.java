package dev.capstan.command;

import java.util.List;
import picocli.CommandLine;

/** Builds the picocli CommandLine for one command with Capstan's conventions: -h/--help, case-insensitive enums. */
final class PicocliCommands {
    private PicocliCommands() {
    }

    static CommandLine commandLine(Object command, String displayPrefix, List<String> path) {
        CommandLine line = new CommandLine(command);
        return configure(line, displayPrefix, path);
    }

    static CommandLine commandLine(CommandLine.Model.CommandSpec spec, String displayPrefix, List<String> path) {
        return configure(new CommandLine(spec), displayPrefix, path);
    }

    private static CommandLine configure(CommandLine line, String displayPrefix, List<String> path) {
        CommandLine.Model.CommandSpec spec = line.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help")
                    .usageHelp(true).description("Show this help.").build());
        }
        line.setExpandAtFiles(false);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setOverwrittenOptionsAllowed(true);
        line.setUnmatchedOptionsArePositionalParams(false);
        line.setCommandName(name(displayPrefix, path));
        line.getCommandSpec().usageMessage().width(90);
        return line;
    }

    static String name(String displayPrefix, List<String> path) {
        return path.isEmpty() ? displayPrefix : displayPrefix + " " + String.join(" ", path);
    }

    static String usage(CommandLine line) {
        return line.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
    }
}
