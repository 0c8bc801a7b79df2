package dev.capstan.features.directory;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Teams and their members in the database; writing here comes after GitHub agreed. */
final class Teams {
    private static final String COLUMNS = "name, display_name, platform, folder, github_id";
    private static final RowMapper<Team> MAPPER = (rs, ctx) -> new Team(rs.getString("name"), rs.getString("display_name"),
            rs.getString("platform"), rs.getString("folder"), rs.getObject("github_id") == null ? null : rs.getLong("github_id"));

    private final Jdbi jdbi;
    private final Clock clock;

    public Teams(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Optional<Team> find(String name) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from directory_teams where team_key = :k")
                .bind("k", Team.keyOf(name)).map(MAPPER).findOne());
    }

    public Optional<Team> byGithubId(long id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from directory_teams where github_id = :id")
                .bind("id", id).map(MAPPER).findFirst());
    }

    public List<Team> all() {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from directory_teams order by team_key").map(MAPPER).list());
    }

    /**
     * Creates the team with its first lead (a lead and a member) in one transaction. When GitHub's {@code team created}
     * webhook recorded the same GitHub team first, that row is adopted: it gets these details and the lead. A team of
     * that name created meanwhile, even at the same moment, is refused as {@link TeamNames#taken}.
     */
    public void create(Team team, String leadId) {
        jdbi.useTransaction(h -> {
            boolean adopted = team.githubId() != null && h.createUpdate("update directory_teams set name = :name, "
                    + "display_name = :displayName, platform = :platform, folder = :folder, drive_version = drive_version + 1 "
                    + "where team_key = :key and github_id = :githubId").bindMap(fields(team)).bind("key", team.key()).execute() > 0;
            if (!adopted && h.createUpdate("insert into directory_teams (team_key, " + COLUMNS + ", created_at, drive_version) "
                            + "values (:key, :name, :displayName, :platform, :folder, :githubId, :at, 1) on conflict do nothing")
                    .bindMap(fields(team)).bind("key", team.key()).bind("at", clock.instant()).execute() == 0) {
                throw TeamNames.taken(team.name());
            }
            if (leadId != null) addMember(h, team.key(), leadId, true);
        });
    }

    /** The team's fields by the names the statements use; JDBI cannot read the methods of a class that is not public. */
    private static Map<String, Object> fields(Team team) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("name", team.name());
        fields.put("displayName", team.displayName());
        fields.put("platform", team.platform());
        fields.put("folder", team.folder());
        fields.put("githubId", team.githubId());
        return fields;
    }

    /**
     * Updates a team's fields; {@code oldName} names it before a rename. A team on GitHub is found by its GitHub id,
     * so a {@code team edited} webhook that renamed it meanwhile does not make these edits miss it.
     */
    public void update(String oldName, Team team) {
        jdbi.useTransaction(h -> {
            String old = team.githubId() == null ? Team.keyOf(oldName) : h.createQuery("select team_key from directory_teams "
                    + "where github_id = :id").bind("id", team.githubId()).mapTo(String.class).findFirst().orElse(Team.keyOf(oldName));
            h.createQuery("select folder from directory_teams where team_key = :old and folder is not null")
                    .bind("old", old).mapTo(String.class).findOne()
                    .filter(folder -> !folder.equals(team.folder())).ifPresent(folder -> release(h, folder));
            h.createUpdate("update directory_teams set team_key = :key, name = :name, display_name = :displayName, "
                    + "platform = :platform, folder = :folder, github_id = :githubId, drive_version = drive_version + 1 where team_key = :old")
                    .bindMap(fields(team)).bind("key", team.key()).bind("old", old).execute();
            h.createUpdate("update directory_members set team_key = :key where team_key = :old")
                    .bind("key", team.key()).bind("old", old).execute();
            h.createUpdate("update directory_projects set team_key = :key where team_key = :old")
                    .bind("key", team.key()).bind("old", old).execute();
        });
    }

    /** Deletes a team and its memberships, leaving its projects unassigned; its Drive folder, if any, is released so members lose their grants. */
    public boolean delete(String name) {
        return jdbi.inTransaction(h -> {
            h.createQuery("select folder from directory_teams where team_key = :k and folder is not null")
                    .bind("k", Team.keyOf(name)).mapTo(String.class).findOne().ifPresent(folder -> release(h, folder));
            h.createUpdate("delete from directory_members where team_key = :k").bind("k", Team.keyOf(name)).execute();
            h.createUpdate("update directory_projects set team_key = null, access_granted = false where team_key = :k")
                    .bind("k", Team.keyOf(name)).execute();
            return h.createUpdate("delete from directory_teams where team_key = :k").bind("k", Team.keyOf(name)).execute() > 0;
        });
    }

    public List<Membership> members(String name) {
        return jdbi.withHandle(h -> h.createQuery("select t.name, m.user_id, m.is_lead from directory_members m "
                        + "join directory_teams t on t.team_key = m.team_key where m.team_key = :k order by m.is_lead desc, m.user_id")
                .bind("k", Team.keyOf(name))
                .map((rs, ctx) -> new Membership(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list());
    }

    public List<Membership> membershipsOf(String userId) {
        return jdbi.withHandle(h -> h.createQuery("select t.name, m.user_id, m.is_lead from directory_members m "
                        + "join directory_teams t on t.team_key = m.team_key where m.user_id = :u order by t.team_key")
                .bind("u", userId)
                .map((rs, ctx) -> new Membership(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list());
    }

    public boolean isLead(String name, String userId) {
        return members(name).stream().anyMatch(m -> m.userId().equals(userId) && m.lead());
    }

    public boolean isMember(String name, String userId) {
        return members(name).stream().anyMatch(m -> m.userId().equals(userId));
    }

    /** Adds a member (or makes an existing member a lead when {@code lead}); never demotes a lead. */
    public void addMember(String name, String userId, boolean lead) {
        jdbi.useTransaction(h -> addMember(h, Team.keyOf(name), userId, lead));
    }

    /** Inserts the membership unless it exists (one atomic statement, so adding someone twice at once is fine). */
    private static void addMember(Handle h, String key, String userId, boolean lead) {
        boolean added = h.createUpdate("insert into directory_members (team_key, user_id, is_lead) values (:k, :u, :lead) "
                + "on conflict do nothing").bind("k", key).bind("u", userId).bind("lead", lead).execute() == 1;
        if (added) {
            bump(h, key);
        } else if (lead) {
            h.createUpdate("update directory_members set is_lead = true where team_key = :k and user_id = :u")
                    .bind("k", key).bind("u", userId).execute();
        }
    }

    /** Stops someone leading a team; they stay a member. */
    public void removeLead(String name, String userId) {
        jdbi.useHandle(h -> h.createUpdate("update directory_members set is_lead = false where team_key = :k and user_id = :u")
                .bind("k", Team.keyOf(name)).bind("u", userId).execute());
    }

    public boolean removeMember(String name, String userId) {
        return jdbi.inTransaction(h -> {
            bump(h, Team.keyOf(name));
            return h.createUpdate("delete from directory_members where team_key = :k and user_id = :u")
                    .bind("k", Team.keyOf(name)).bind("u", userId).execute() > 0;
        });
    }

    /** Removes someone from every team; returns how many memberships ended. */
    public int removeEverywhere(String userId) {
        return jdbi.inTransaction(h -> {
            bumpTeamsOf(h, userId);
            return h.createUpdate("delete from directory_members where user_id = :u").bind("u", userId).execute();
        });
    }

    /** Someone's email changed: every team they are in needs its Drive folder shared again. */
    public void emailChanged(String userId) {
        jdbi.useHandle(h -> bumpTeamsOf(h, userId));
    }

    /** A team whose Drive folder is not shared as its members are now. */
    public record DriveWork(String name, String folder, long version) { }

    public List<DriveWork> driveWork() {
        return jdbi.withHandle(h -> h.createQuery("select name, folder, drive_version from directory_teams "
                        + "where folder is not null and drive_version > drive_synced order by team_key")
                .map((rs, ctx) -> new DriveWork(rs.getString(1), rs.getString(2), rs.getLong(3))).list());
    }

    /** Records that the folder now matches the members as of {@code version}; later changes keep it due. */
    public void driveSynced(String name, long version) {
        jdbi.useHandle(h -> h.createUpdate("update directory_teams set drive_synced = :v where team_key = :k and drive_synced < :v")
                .bind("v", version).bind("k", Team.keyOf(name)).execute());
    }

    /** Folders no team uses any more, whose members' grants are still to be taken off. */
    public List<String> releasedFolders() {
        return jdbi.withHandle(h -> h.createQuery("select folder from directory_drive_released order by folder").mapTo(String.class).list());
    }

    /** The released folder's grants are gone; teams that use it again (if any) are shared afresh. */
    public void folderCleared(String folder) {
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from directory_drive_released where folder = :f").bind("f", folder).execute();
            h.createUpdate("update directory_teams set drive_version = drive_version + 1 where folder = :f").bind("f", folder).execute();
        });
    }

    private static void release(Handle h, String folder) {
        h.createUpdate("insert into directory_drive_released (folder) values (:f) on conflict do nothing").bind("f", folder).execute();
    }

    static void bumpTeamsOf(Handle h, String userId) {
        h.createUpdate("update directory_teams set drive_version = drive_version + 1 where team_key in "
                + "(select team_key from directory_members where user_id = :u)").bind("u", userId).execute();
    }

    private static void bump(Handle h, String key) {
        h.createUpdate("update directory_teams set drive_version = drive_version + 1 where team_key = :k").bind("k", key).execute();
    }
}
