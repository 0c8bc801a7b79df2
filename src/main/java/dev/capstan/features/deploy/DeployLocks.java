package dev.capstan.features.deploy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code deploy_locks} table: locks and running deployments per repository and environment. Taking one is a conditional insert against the
 * primary key, so of two replicas asking at the same moment exactly one gets it.
 */
final class DeployLocks {
    private final Jdbi jdbi;
    private final Clock clock;

    private volatile java.util.function.Consumer<String> homeChanged = userId -> { };

    /** Tells a holder's Home tab that their lock was taken or taken away. */
    void onLockChange(java.util.function.Consumer<String> holder) {
        this.homeChanged = holder;
    }

    DeployLocks(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    Optional<DeployLock> find(String repositoryKey, String environment, DeployLock.LockType kind) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select repository_key, environment, kind, holder, reason, deployment_id, created_at from deploy_locks
                        where repository_key = :k and environment = :e and kind = :kind""")
                .bind("k", repositoryKey).bind("e", environment).bind("kind", kind.name().toLowerCase(Locale.ROOT))
                .map((rs, ctx) -> row(rs)).findOne());
    }

    List<DeployLock> all(String repositoryKey) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select repository_key, environment, kind, holder, reason, deployment_id, created_at from deploy_locks
                        where repository_key = :k order by environment, kind""")
                .bind("k", repositoryKey).map((rs, ctx) -> row(rs)).list());
    }

    /** The explicit locks this person holds, in every repository: for their Home tab. */
    List<DeployLock> locksOf(String holder) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select repository_key, environment, kind, holder, reason, deployment_id, created_at from deploy_locks
                        where holder = :holder and kind = 'lock' order by repository_key, environment""")
                .bind("holder", holder).map((rs, ctx) -> row(rs)).list());
    }

    /** True when the caller got the hold; false when someone holds it already. */
    boolean take(Handle h, String repositoryKey, String environment, DeployLock.LockType kind, String holder, String reason, Long deploymentId) {
        return h.createUpdate("""
                        insert into deploy_locks (repository_key, environment, kind, holder, reason, deployment_id, created_at)
                        values (:k, :e, :kind, :holder, :reason, :d, :at) on conflict do nothing""")
                .bind("k", repositoryKey).bind("e", environment).bind("kind", kind.name().toLowerCase(Locale.ROOT))
                .bind("holder", holder).bind("reason", reason).bind("d", deploymentId).bind("at", clock.instant()).execute() == 1;
    }

    boolean lock(String repositoryKey, String environment, String holder, String reason) {
        boolean taken = jdbi.withHandle(h -> take(h, repositoryKey, environment, DeployLock.LockType.LOCK, holder, reason, null));
        if (taken) homeChanged.accept(holder);
        return taken;
    }

    boolean unlock(String repositoryKey, String environment) {
        Optional<DeployLock> held = find(repositoryKey, environment, DeployLock.LockType.LOCK);
        boolean released = jdbi.withHandle(h -> h.createUpdate("delete from deploy_locks where repository_key = :k and environment = :e and kind = 'lock'")
                .bind("k", repositoryKey).bind("e", environment).execute()) > 0;
        if (released) held.ifPresent(hold -> homeChanged.accept(hold.holder()));
        return released;
    }

    /** Releases this person's own lock; false when they do not hold it (any more). */
    boolean unlockHeldBy(String repositoryKey, String environment, String holder) {
        return jdbi.withHandle(h -> h.createUpdate("delete from deploy_locks where repository_key = :k and environment = :e "
                        + "and kind = 'lock' and holder = :holder")
                .bind("k", repositoryKey).bind("e", environment).bind("holder", holder).execute()) > 0;
    }

    /** Frees the environment held by this deployment (nothing when another deployment holds it now). */
    void releaseRun(Handle h, String repositoryKey, String environment, long deploymentId) {
        h.createUpdate("delete from deploy_locks where repository_key = :k and environment = :e and kind = 'run' and deployment_id = :d")
                .bind("k", repositoryKey).bind("e", environment).bind("d", deploymentId).execute();
    }

    /** Frees the environment whatever deployment holds it (an admin's `unlock --force`). */
    boolean releaseAnyRun(String repositoryKey, String environment) {
        return jdbi.withHandle(h -> h.createUpdate("delete from deploy_locks where repository_key = :k and environment = :e and kind = 'run'")
                .bind("k", repositoryKey).bind("e", environment).execute()) > 0;
    }

    private static DeployLock row(ResultSet rs) throws SQLException {
        return new DeployLock(rs.getString(1), rs.getString(2), DeployLock.LockType.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), rs.getString(4),
                rs.getString(5), rs.getObject(6) == null ? null : rs.getLong(6), rs.getTimestamp(7).toInstant());
    }
}
