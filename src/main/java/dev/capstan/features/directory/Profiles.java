package dev.capstan.features.directory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Directory profiles in the database. */
public final class Profiles {
    private static final String COLUMNS = "user_id, name, email, position, github_login, github_id, major, bio";
    private static final RowMapper<Profile> MAPPER = (rs, ctx) -> new Profile(rs.getString("user_id"), rs.getString("name"),
            rs.getString("email"), rs.getString("position"), rs.getString("github_login"),
            rs.getObject("github_id") == null ? null : rs.getLong("github_id"), rs.getString("major"), rs.getString("bio"));

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

    public List<Profile> byGithub(String login) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from directory_profiles where lower(github_login) = lower(:l) order by user_id")
                .bind("l", login).map(MAPPER).list());
    }

    public Optional<Profile> byGithubId(long id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from directory_profiles where github_id = :id")
                .bind("id", id).map(MAPPER).findFirst());
    }

    public List<Profile> byEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from directory_profiles where lower(email) = lower(:e) order by user_id")
                .bind("e", email).map(MAPPER).list());
    }

    public List<Profile> all() {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from directory_profiles order by user_id").map(MAPPER).list());
    }

    /** Adds a blank profile unless one exists; true when it was added. */
    public boolean addIfAbsent(Profile profile) {
        return jdbi.inTransaction(h -> {
            if (exists(h, profile.userId())) return false;
            insert(h, profile);
            return true;
        });
    }

    /** Replaces every field of an existing profile, or inserts it. */
    public void save(Profile profile) {
        jdbi.useTransaction(h -> {
            if (exists(h, profile.userId())) {
                h.createUpdate("update directory_profiles set name = :name, email = :email, position = :position, "
                                + "github_login = :githubLogin, github_id = :githubId, major = :major, bio = :bio where user_id = :userId")
                        .bindMethods(profile).execute();
            } else {
                insert(h, profile);
            }
        });
    }

    /** Deletes the profile and its memberships; false when there was no profile. */
    public boolean delete(String userId) {
        return jdbi.inTransaction(h -> {
            Teams.bumpTeamsOf(h, userId);
            h.createUpdate("delete from directory_members where user_id = :id").bind("id", userId).execute();
            return h.createUpdate("delete from directory_profiles where user_id = :id").bind("id", userId).execute() > 0;
        });
    }

    private static boolean exists(Handle h, String userId) {
        return h.createQuery("select count(*) from directory_profiles where user_id = :id")
                .bind("id", userId).mapTo(Integer.class).one() > 0;
    }

    private void insert(Handle h, Profile profile) {
        h.createUpdate("insert into directory_profiles (" + COLUMNS + ", created_at) values (:userId, :name, :email, "
                        + ":position, :githubLogin, :githubId, :major, :bio, :at)")
                .bindMethods(profile).bind("at", clock.instant()).execute();
    }
}
