package dev.capstan.store;

import dev.capstan.command.People;
import dev.capstan.command.Role;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** People and their roles, keyed by Slack user id. */
public final class PeopleStore implements People {
    private final Jdbi jdbi;
    private final Clock clock;
    private final List<Consumer<String>> roleChangeListeners = new CopyOnWriteArrayList<>();

    public PeopleStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Told the user id after every role this store writes, once the write is committed. */
    public void onRoleChange(Consumer<String> listener) {
        roleChangeListeners.add(listener);
    }

    @Override
    public Role roleOf(String userId) {
        return find(userId).orElse(Role.MEMBER);
    }

    public Optional<Role> find(String userId) {
        return jdbi.withHandle(h -> h.createQuery("select role from people where user_id = :id")
                .bind("id", userId).mapTo(String.class).findOne())
                .flatMap(Role::parse);
    }

    /** Registers someone as a member if unknown; never changes an existing role. Returns true if newly added. */
    public boolean ensure(String userId) {
        return jdbi.withHandle(h -> insertUnlessKnown(h, userId, Role.MEMBER)) == 1;
    }

    /**
     * Sets someone's role, registering them first if unknown. Safe when several replicas do it at once: the insert
     * cannot fail on a person another transaction just added, and the update that follows cannot fail at all. (H2 in
     * PostgreSQL mode knows {@code on conflict do nothing} but not {@code do update}, and its MERGE is not atomic.)
     */
    public void setRole(String userId, Role role) {
        jdbi.useTransaction(h -> {
            if (insertUnlessKnown(h, userId, role) == 0) {
                h.createUpdate("update people set role = :role where user_id = :id")
                        .bind("role", role.name().toLowerCase(Locale.ROOT)).bind("id", userId).execute();
            }
        });
        roleChangeListeners.forEach(listener -> listener.accept(userId));
    }

    /** One atomic statement on H2 and PostgreSQL: adds the person unless they are known; returns the rows added. */
    private int insertUnlessKnown(Handle h, String userId, Role role) {
        return h.createUpdate("insert into people (user_id, role, created_at) values (:id, :role, :at) on conflict do nothing")
                .bind("id", userId).bind("role", role.name().toLowerCase(Locale.ROOT)).bind("at", clock.instant()).execute();
    }

    /** Everyone with this role, by user id. */
    public List<String> withRole(Role role) {
        return jdbi.withHandle(h -> h.createQuery("select user_id from people where role = :role order by user_id")
                .bind("role", role.name().toLowerCase(Locale.ROOT)).mapTo(String.class).list());
    }

    /** CAPSTAN_ADMINS: the listed people are admins from start-up on, so nobody edits the database by hand. */
    public void makeAdmins(Collection<String> userIds) {
        userIds.forEach(id -> setRole(id, Role.ADMIN));
    }
}
