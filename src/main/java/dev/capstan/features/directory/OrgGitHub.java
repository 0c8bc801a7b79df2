package dev.capstan.features.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the directory asks of the GitHub organisation; each call either succeeds or throws a user-readable failure. */
interface OrgGitHub {
    /** The organisation's login, which a repository named without an owner belongs to. */
    String organization();

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

    /** The repository's full name as GitHub spells it ("owner/name"), or empty when the App cannot see such a repository. */
    Optional<String> repository(String fullName);

    /** Whether the team has any access to the repository (GitHub's "check team permissions for a repository"). */
    boolean teamHasRepository(String teamSlug, String fullName);

    /** Gives the team {@code permission} (pull, triage, push, maintain, admin) on the repository. */
    void grantRepository(String teamSlug, String fullName, String permission);

    /** Takes the repository away from the team; one the team no longer has is fine, so a retried job can repeat it. */
    void revokeRepository(String teamSlug, String fullName);

    /**
     * Makes sure the login is in the team named {@code teamName}, creating the team when GitHub has none of that name;
     * someone already in it keeps their role (a maintainer is not made a member). True when the login was added.
     */
    boolean ensureInTeam(String teamName, String login);

    /** The logins in the team named {@code teamName}, lower-cased; empty when GitHub has no such team. */
    Set<String> loginsIn(String teamName);
}
