package dev.capstan.features.directory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Projects in the database; a project's team is found through the team's key, which follows renames. */
final class Projects {
    private static final String SELECT = "select p.id, p.repository, p.display_name, t.name as team_name, p.access_granted "
            + "from directory_projects p left join directory_teams t on t.team_key = p.team_key";
    private static final RowMapper<Project> MAPPER = (rs, ctx) -> new Project(rs.getLong("id"), rs.getString("repository"),
            rs.getString("display_name"), rs.getString("team_name"), rs.getBoolean("access_granted"));
    private final Jdbi jdbi;
    private final Clock clock;

    Projects(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    List<Project> all() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " order by p.id").map(MAPPER).list());
    }

    Optional<Project> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where p.id = :id").bind("id", id).map(MAPPER).findOne());
    }

    /** Stores a new project and returns it with its id. */
    Project create(String repository, String displayName, String teamName, boolean accessGranted) {
        long id = jdbi.withHandle(h -> h.createUpdate("insert into directory_projects (repository, display_name, team_key, "
                        + "access_granted, created_at) values (:repo, :name, :team, :granted, :at)")
                .bind("repo", repository).bind("name", displayName).bind("team", teamName == null ? null : Team.keyOf(teamName))
                .bind("granted", accessGranted).bind("at", clock.instant())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Project(id, repository, displayName, teamName, accessGranted);
    }

    /** Assigns the project to a team (null: to none). */
    void assign(long id, String teamName, boolean accessGranted) {
        jdbi.useHandle(h -> h.createUpdate("update directory_projects set team_key = :team, access_granted = :granted where id = :id")
                .bind("team", teamName == null ? null : Team.keyOf(teamName)).bind("granted", accessGranted).bind("id", id).execute());
    }

    void rename(long id, String displayName) {
        jdbi.useHandle(h -> h.createUpdate("update directory_projects set display_name = :name where id = :id")
                .bind("name", displayName).bind("id", id).execute());
    }

    boolean delete(long id) {
        return jdbi.withHandle(h -> h.createUpdate("delete from directory_projects where id = :id").bind("id", id).execute() > 0);
    }
}
