package dev.capstan.features.directory;

import java.util.List;

/** What the directory asks of the GitHub organisation; each call either succeeds or throws a user-readable failure. */
public interface OrgGitHub {
    /** Invites a login to the organisation (or confirms membership) and returns the account's numeric id. */
    long invite(String login);

    /** Creates a closed team with a maintainer and returns the team's id. */
    long createTeam(String name, String description, String maintainerLogin);

    void addToTeam(String teamSlug, String login, boolean maintainer);

    void removeFromTeam(String teamSlug, String login);

    void renameTeam(String teamSlug, String newName);

    void deleteTeam(String teamSlug);

    /** Every team of the organisation with its members, following pagination to the end. */
    List<GitHubTeam> teams();
}
