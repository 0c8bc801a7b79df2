package dev.capstan.features.directory;

import java.util.Locale;

/** A team as the directory knows it; {@code githubId} is null for teams that exist only here. */
record Team(String name, String displayName, String platform, String folder, Long githubId) {

    public String key() {
        return keyOf(name);
    }

    public static String keyOf(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** The slug GitHub derives from a team name, used to address the team in GitHub's API. */
    public String slug() {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "-").replaceAll("^-+|-+$", "");
    }
}
