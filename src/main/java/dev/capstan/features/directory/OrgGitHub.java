package dev.capstan.features.directory;

import java.util.List;

/** What the directory asks of the GitHub organisation; each call either succeeds or throws a user-readable failure. */
interface OrgGitHub {
    /**
     * Makes sure a login is in the organisation and returns the account's numeric id: a non-member is invited as a
     * member; an existing member, owner or pending invitee is left exactly as they are (their role never changes).
     */
    long invite(String login);

    /** Creates a closed team with a maintainer and returns the team's id. */
    long createTeam(String name, String description, String maintainerLogin);

    /** Adds or re-roles a team member; adding someone already there is fine, so a retried job can repeat it. */
    void addToTeam(String teamSlug, String login, boolean maintainer);

    /** Takes a login out of a team; one that is already gone is fine, so a retried job can repeat it. */
    void removeFromTeam(String teamSlug, String login);

    /** Renames a team and/or sets its description; null leaves a field as it is, "" clears the description. */
    void editTeam(String teamSlug, String newName, String description);

    void deleteTeam(String teamSlug);

    /** Whether the organisation has a team with this slug, e.g. one created a moment ago by someone else. */
    boolean hasTeam(String teamSlug);

    /** Every team of the organisation with its members, following pagination to the end. */
    List<GitHubTeam> teams();
}
