package dev.capstan.features.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * GITHUB_DEFAULT_TEAM_NAME (default {@code all}), as in Rocket 2: everyone with a linked GitHub login is in this GitHub
 * team. A login joins when it is linked and leaves when it is unlinked; {@code team refresh} adds whoever is missing.
 */
final class DefaultTeam {
    private final String name;

    DefaultTeam(String name) {
        this.name = name == null || name.isBlank() ? "all" : name.trim();
    }

    String name() {
        return name;
    }

    String slug() {
        return new Team(name, null, null, null, null).slug();
    }

    /** Puts the login in the team (created when GitHub has none); true when it was not in it yet. */
    boolean join(OrgGitHub org, String login) {
        return org.ensureInTeam(name, login);
    }

    void leave(OrgGitHub org, String login) {
        org.removeFromTeam(slug(), login);
    }

    /** Adds every linked login the team lacks; returns the logins added. */
    List<String> reconcile(OrgGitHub org, List<Profile> profiles) {
        Set<String> present = org.loginsIn(name);
        List<String> added = new ArrayList<>();
        for (Profile profile : profiles) {
            String login = profile.githubLogin();
            if (login == null || present.contains(login.toLowerCase(Locale.ROOT))) continue;
            if (join(org, login)) added.add(login);
        }
        return added;
    }
}
