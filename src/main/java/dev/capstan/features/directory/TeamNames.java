package dev.capstan.features.directory;

import dev.capstan.command.UserError;
import java.util.regex.Pattern;

/** What a team name may look like: one word that GitHub and Slack both keep as it is. */
final class TeamNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private TeamNames() {
    }

    static String require(String name, Teams teams) {
        if (!NAME.matcher(name).matches()) {
            throw new UserError(":warning: `" + InputChecks.visible(name) + "` cannot be a team name: use letters, digits, `.`, `_` and `-` "
                    + "(at most 100). Nothing was changed.");
        }
        teams.find(name).ifPresent(existing -> {
            throw taken(existing.name());
        });
        return name;
    }

    /** The answer when the name is in use here or on GitHub, also by a team created at the same moment. */
    static UserError taken(String name) {
        return new UserError(":warning: A team named `" + name + "` already exists; team names are unique "
                + "(case does not matter). Nothing was changed.");
    }
}
