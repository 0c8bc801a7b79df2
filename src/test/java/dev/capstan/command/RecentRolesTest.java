package dev.capstan.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentRolesTest {
    private final Map<String, Role> database = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();
    private final RecentRoles roles = new RecentRoles(userId -> {
        reads.incrementAndGet();
        return database.getOrDefault(userId, Role.MEMBER);
    }, Duration.ofSeconds(1), now::get);

    @Test
    void aRoleIsReadFromTheDatabaseAtMostOncePerSecond() {
        database.put("UADA", Role.ADMIN);
        assertThat(roles.roleOf("UADA")).isEqualTo(Role.ADMIN);
        database.put("UADA", Role.MEMBER);
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(roles.roleOf("UADA")).isEqualTo(Role.ADMIN);
        assertThat(reads.get()).isEqualTo(1);
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(roles.roleOf("UADA")).isEqualTo(Role.MEMBER);
        assertThat(reads.get()).isEqualTo(2);
    }

    @Test
    void aChangeMadeOnThisReplicaCountsAtOnce() {
        database.put("UADA", Role.ADMIN);
        assertThat(roles.roleOf("UADA")).isEqualTo(Role.ADMIN);
        database.put("UADA", Role.MEMBER);
        roles.forget("UADA");
        assertThat(roles.roleOf("UADA")).isEqualTo(Role.MEMBER);
    }
}
