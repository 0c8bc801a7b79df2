package dev.capstan.features.directory;

import dev.capstan.command.UserError;
import dev.capstan.store.GitHubIdentities;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Directory profiles in the database; each person's GitHub login is the platform's one identity of theirs. */
final class Profiles {
    private static final String COLUMNS = "user_id, name, email, position, major, bio";
    private static final String UNIQUE_VIOLATION = "23505";
    private final Jdbi jdbi;
    private final GitHubIdentities identities;
    private final Clock clock;

    public Profiles(Jdbi jdbi, GitHubIdentities identities, Clock clock) {
        this.jdbi = jdbi;
        this.identities = identities;
        this.clock = clock;
    }

    private RowMapper<Profile> mapper(Map<String, GitHubIdentities.Identity> links) {
        return (rs, ctx) -> {
            GitHubIdentities.Identity link = links.get(rs.getString("user_id"));
            return new Profile(rs.getString("user_id"), rs.getString("name"), rs.getString("email"), rs.getString("position"),
                    link == null ? null : link.login(), link == null ? null : link.githubId(), rs.getString("major"),
                    rs.getString("bio"));
        };
    }

    public Optional<Profile> find(String userId) {
        Map<String, GitHubIdentities.Identity> link = new HashMap<>();
        identities.find(userId).ifPresent(identity -> link.put(userId, identity));
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from directory_profiles where user_id = :id")
                .bind("id", userId).map(mapper(link)).findOne());
    }

    /** The profile linked to this login, whatever its case; the platform keeps a login to one person. */
    public Optional<Profile> byGithub(String login) {
        return identities.ownerOf(login).flatMap(identity -> find(identity.userId()));
    }

    /** The profile with this GitHub account id; the oldest link should two ever share it. */
    public Optional<Profile> byGithubId(long id) {
        return identities.byGitHubId(id).flatMap(identity -> find(identity.userId()));
    }

    public List<Profile> byEmail(String email) {
        Map<String, GitHubIdentities.Identity> links = identities.all();
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from directory_profiles where lower(email) = lower(:e) order by user_id")
                .bind("e", email).map(mapper(links)).list());
    }

    public List<Profile> all() {
        Map<String, GitHubIdentities.Identity> links = identities.all();
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from directory_profiles order by user_id").map(mapper(links)).list());
    }

    /**
     * Adds a profile unless the person has one, also one added at the same moment; true when it was added. A GitHub link
     * the person already has (from the deployments' {@code hello}) is kept when the new profile names no login.
     */
    public boolean addIfAbsent(Profile profile) {
        return jdbi.inTransaction(h -> {
            if (!insertBlank(h, profile.userId())) return false;
            if (profile.githubLogin() == null) updateFields(h, profile);
            else update(h, profile);
            return true;
        });
    }

    /** Replaces every field of an existing profile, or inserts it; a GitHub login linked to someone else is refused. */
    public void save(Profile profile) {
        try {
            write(profile);
        } catch (UnableToExecuteStatementException e) {
            if (!(e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()))) throw e;
            throw new UserError(":warning: GitHub login `" + profile.githubLogin() + "` is already linked to "
                    + byGithub(profile.githubLogin()).map(p -> "<@" + p.userId() + ">").orElse("another profile")
                    + "'s profile; nothing was changed here.");
        }
    }

    private void write(Profile profile) {
        jdbi.useTransaction(h -> {
            insertBlank(h, profile.userId());
            update(h, profile);
        });
    }

    /** The person's GitHub link, in the caller's transaction: set, kept, or removed with the profile's login. */
    private void link(Profile profile) {
        if (profile.githubLogin() == null) {
            identities.unlink(profile.userId());
        } else if (identities.link(profile.userId(), profile.githubLogin(), profile.githubId(), false)
                instanceof GitHubIdentities.Linked.Taken taken) {
            throw new UserError(":warning: GitHub login `" + profile.githubLogin() + "` is already linked to <@" + taken.ownerId()
                    + ">'s profile; nothing was changed here.");
        }
    }

    /**
     * One atomic statement: a profile with only its user id, unless the person has one. The fields follow in an update,
     * so that a GitHub login linked to someone else fails there, on its own unique index, and is reported as such.
     */
    private boolean insertBlank(Handle h, String userId) {
        return h.createUpdate("insert into directory_profiles (user_id, created_at) values (:id, :at) on conflict do nothing")
                .bind("id", userId).bind("at", clock.instant()).execute() == 1;
    }

    private void update(Handle h, Profile profile) {
        updateFields(h, profile);
        link(profile);
    }

    private static void updateFields(Handle h, Profile profile) {
        h.createUpdate("update directory_profiles set name = :name, email = :email, position = :position, "
                        + "major = :major, bio = :bio where user_id = :userId")
                .bind("name", profile.name()).bind("email", profile.email()).bind("position", profile.position())
                .bind("major", profile.major()).bind("bio", profile.bio()).bind("userId", profile.userId()).execute();
    }

    /** Removes the person's GitHub link (they left the organisation); the profile stays. */
    public void unlinkGitHub(String userId) {
        identities.unlink(userId);
    }

    /** Deletes the profile and its memberships; false when there was no profile. */
    public boolean delete(String userId) {
        return jdbi.inTransaction(h -> {
            Teams.bumpTeamsOf(h, userId);
            h.createUpdate("delete from directory_members where user_id = :id").bind("id", userId).execute();
            identities.unlink(userId);
            return h.createUpdate("delete from directory_profiles where user_id = :id").bind("id", userId).execute() > 0;
        });
    }
}
