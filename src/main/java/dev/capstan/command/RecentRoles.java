package dev.capstan.command;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Roles as the ack path reads them: each person's role comes from the database at most once per {@code ttl} on a
 * replica, and at once after a change made on it. On PostgreSQL the lookup's round trip cost more CPU than the rest
 * of a fast command (docs/benchmarks.md). Another replica's change shows within the ttl; slow commands and
 * confirmations, which act outside Capstan, read the database every time.
 */
public final class RecentRoles implements People {
    private static final int MOST_PEOPLE = 50_000;

    private record Seen(Role role, long atNanos) { }

    private final People source;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    public RecentRoles(People source, Duration ttl) {
        this(source, ttl, System::nanoTime);
    }

    RecentRoles(People source, Duration ttl, LongSupplier nanoTime) {
        this.source = source;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Role roleOf(String userId) {
        long now = nanoTime.getAsLong();
        Seen last = seen.get(userId);
        if (last != null && now - last.atNanos() < ttlNanos) return last.role();
        Role role = source.roleOf(userId);
        if (seen.size() >= MOST_PEOPLE) seen.clear();
        seen.put(userId, new Seen(role, now));
        return role;
    }

    /** Called when this replica changed someone's role: the next read goes to the database. */
    public void forget(String userId) {
        seen.remove(userId);
    }
}
