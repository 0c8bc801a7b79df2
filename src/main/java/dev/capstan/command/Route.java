package dev.capstan.command;

import java.util.List;

/** Where the words of an invocation lead: a command to run, a help page, or nowhere (with suggestions). */
public sealed interface Route {
    /** A command with its remaining arguments; {@code prefix} is how the caller reached its family ("/timereport"). */
    record Target(CommandEntry entry, List<String> args, String prefix) implements Route { }

    record TopHelp(String mainCommand) implements Route { }

    record FamilyHelp(Family family, String prefix) implements Route { }

    /** Help on a topic that names several families (the directory: user, team, karma, export). */
    record TopicHelp(String topic, List<Family> families, String mainCommand) implements Route { }

    record CommandHelp(CommandEntry entry, String prefix) implements Route { }

    record Unknown(String message, String attempted) implements Route { }
}
