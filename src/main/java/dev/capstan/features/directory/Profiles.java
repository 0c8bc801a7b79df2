package dev.capstan.features.directory;

import dev.capstan.command.UserError;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Directory profiles in the database. */
public final class Profiles {
    private static final String COLUMNS = "user_id, name, email, position, github_login, github_id, major, bio";
    private static final RowMapper<Profile> MAPPER = (rs, ctx) -> new Profile(rs.getString("user_id"), rs.getString("name"),
            rs.getString("email"), rs.getString("position"), rs.getString("github_login"),
            rs.getObject("github_id") == null ? null : rs.getLong("github_id"), rs.getString("major"), rs.getString("bio"));

    private static final String UNIQUE_VIOLATION = "23505";
    private final Jdbi jdbi;
    private final Clock clock;

    public Profiles(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Optional<Profile> find(String userId) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from directory_profiles where user_id = :id")
                .bind("id", userId).map(MAPPER).findOne());
    }

    /** The profile linked to this login, whatever its case; a unique index keeps it to one. */
    public Optional<Profile> byGithub(String login) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from directory_profiles where github_key = :k")
                .bind("k", login.toLowerCase(Locale.ROOT)).map(MAPPER).findOne());
    }

    /** The profile with this GitHub account id; the oldest registration should two ever share it. */
    public Optional<Profile> byGithubId(long id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from directory_profiles where github_id = :id "
                + "order by created_at, user_id").bind("id", id).map(MAPPER).findFirst());
    }

    public List<Profile> byEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from directory_profiles where lower(email) = lower(:e) order by user_id")
                .bind("e", email).map(MAPPER).list());
    }

    public List<Profile> all() {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from directory_profiles order by user_id").map(MAPPER).list());
    }

    /** Adds a profile unless the person has one, also one added at the same moment; true when it was added. */
    public boolean addIfAbsent(Profile profile) {
        return jdbi.inTransaction(h -> {
            if (!insertBlank(h, profile.userId())) return false;
            update(h, profile);
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

    /**
     * One atomic statement: a profile with only its user id, unless the person has one. The fields follow in an update,
     * so that a GitHub login linked to someone else fails there, on its own unique index, and is reported as such.
     */
    private boolean insertBlank(Handle h, String userId) {
        return h.createUpdate("insert into directory_profiles (user_id, created_at) values (:id, :at) on conflict do nothing")
                .bind("id", userId).bind("at", clock.instant()).execute() == 1;
    }

    private static void update(Handle h, Profile profile) {
        h.createUpdate("update directory_profiles set name = :name, email = :email, position = :position, "
                        + "github_login = :githubLogin, github_key = :githubKey, github_id = :githubId, major = :major, bio = :bio where user_id = :userId")
                .bindMethods(profile).bind("githubKey", keyOf(profile)).execute();
    }

    /** Deletes the profile and its memberships; false when there was no profile. */
    public boolean delete(String userId) {
        return jdbi.inTransaction(h -> {
            Teams.bumpTeamsOf(h, userId);
            h.createUpdate("delete from directory_members where user_id = :id").bind("id", userId).execute();
            return h.createUpdate("delete from directory_profiles where user_id = :id").bind("id", userId).execute() > 0;
        });
    }

    private static String keyOf(Profile profile) {
        return profile.githubLogin() == null ? null : profile.githubLogin().toLowerCase(Locale.ROOT);
    }

}
