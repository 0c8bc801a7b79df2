package dev.capstan.store;

import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The one GitHub identity of each person, shared by every family: the directory's profiles and the deployments'
 * {@code hello} read and write the same link, and a login belongs to at most one person (compared case-insensitively).
 */
public final class GitHubIdentities {
    private static final String UNIQUE_VIOLATION = "23505";

    /** A person's link: their GitHub login as they spell it, and GitHub's numeric id when known. */
    public record Identity(String userId, String login, Long githubId) { }

    /** How a link request ended. */
    public sealed interface Linked {
        record Done(Identity identity, String movedFrom) implements Linked { }

        record Taken(String ownerId) implements Linked { }
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public GitHubIdentities(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Optional<Identity> find(String userId) {
        return jdbi.withHandle(h -> h.createQuery("select user_id, login, github_id from github_identities where user_id = :u")
                .bind("u", userId).map((rs, ctx) -> new Identity(rs.getString(1), rs.getString(2), (Long) rs.getObject(3)))
                .findOne());
    }

    public Optional<Identity> ownerOf(String login) {
        return jdbi.withHandle(h -> h.createQuery("select user_id, login, github_id from github_identities where login_key = :k")
                .bind("k", key(login)).map((rs, ctx) -> new Identity(rs.getString(1), rs.getString(2), (Long) rs.getObject(3)))
                .findOne());
    }

    /** The person with this GitHub account id (the oldest link should two ever share it). */
    public Optional<Identity> byGitHubId(long githubId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select user_id, login, github_id from github_identities where github_id = :id order by linked_at, user_id""")
                .bind("id", githubId).map((rs, ctx) -> new Identity(rs.getString(1), rs.getString(2), (Long) rs.getObject(3)))
                .findFirst());
    }

    /** Every link, by Slack user id. */
    public Map<String, Identity> all() {
        Map<String, Identity> all = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("select user_id, login, github_id from github_identities")
                .map((rs, ctx) -> new Identity(rs.getString(1), rs.getString(2), (Long) rs.getObject(3)))
                .forEach(identity -> all.put(identity.userId(), identity)));
        return all;
    }

    /**
     * Links {@code userId} to {@code login}. A login someone else holds is refused ({@link Linked.Taken}) unless
     * {@code moveFromOwner}, which an admin may ask for: then the other person loses it.
     */
    public Linked link(String userId, String login, Long githubId, boolean moveFromOwner) {
        boolean nested = jdbi.withHandle(Handle::isInTransaction);
        try {
            return jdbi.inTransaction(h -> {
                Optional<String> owner = h.createQuery("select user_id from github_identities where login_key = :k for update")
                        .bind("k", key(login)).mapTo(String.class).findOne();
                String movedFrom = null;
                if (owner.isPresent() && !owner.get().equals(userId)) {
                    if (!moveFromOwner) return new Linked.Taken(owner.get());
                    movedFrom = owner.get();
                    h.createUpdate("delete from github_identities where user_id = :u").bind("u", movedFrom).execute();
                }
                Optional<Identity> current = h.createQuery("select user_id, login, github_id from github_identities where user_id = :u")
                        .bind("u", userId).map((rs, ctx) -> new Identity(rs.getString(1), rs.getString(2), (Long) rs.getObject(3)))
                        .findOne();
                Identity wanted = new Identity(userId, login, githubId);
                if (current.isPresent() && current.get().equals(wanted)) return new Linked.Done(wanted, null);
                h.createUpdate("delete from github_identities where user_id = :u").bind("u", userId).execute();
                h.createUpdate("""
                                insert into github_identities (user_id, login, login_key, github_id, linked_at)
                                values (:u, :login, :k, :id, :at)""")
                        .bind("u", userId).bind("login", login).bind("k", key(login)).bind("id", githubId)
                        .bind("at", clock.instant()).execute();
                return new Linked.Done(new Identity(userId, login, githubId), movedFrom);
            });
        } catch (UnableToExecuteStatementException e) {
            // Inside the caller's transaction the database may refuse further statements: the caller reports it.
            if (!nested && e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return ownerOf(login).<Linked>map(owner -> new Linked.Taken(owner.userId()))
                        .orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** Removes the person's link; true when there was one. */
    public boolean unlink(String userId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from github_identities where user_id = :u").bind("u", userId).execute()) > 0;
    }

    /** GitHub's numeric id, learned later (from a webhook or the API). */
    public void rememberGitHubId(String userId, long githubId) {
        jdbi.useHandle(h -> h.createUpdate("update github_identities set github_id = :id where user_id = :u")
                .bind("id", githubId).bind("u", userId).execute());
    }

    private static String key(String login) {
        return login.trim().toLowerCase(Locale.ROOT);
    }
}
