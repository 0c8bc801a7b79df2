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
        return jdbi.inTransaction(h -> {
            boolean exists = h.createQuery("select count(*) from people where user_id = :id")
                    .bind("id", userId).mapTo(Integer.class).one() > 0;
            if (exists) return false;
            h.createUpdate("insert into people (user_id, role, created_at) values (:id, 'member', :at)")
                    .bind("id", userId).bind("at", clock.instant()).execute();
            return true;
        });
    }

    public void setRole(String userId, Role role) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("update people set role = :role where user_id = :id")
                    .bind("role", role.name().toLowerCase(Locale.ROOT)).bind("id", userId).execute();
            if (updated == 0) {
                h.createUpdate("insert into people (user_id, role, created_at) values (:id, :role, :at)")
                        .bind("id", userId).bind("role", role.name().toLowerCase(Locale.ROOT))
                        .bind("at", clock.instant()).execute();
            }
        });
        roleChangeListeners.forEach(listener -> listener.accept(userId));
    }

    /** CAPSTAN_ADMINS: the listed people are admins from start-up on, so nobody edits the database by hand. */
    public void makeAdmins(Collection<String> userIds) {
        userIds.forEach(id -> setRole(id, Role.ADMIN));
    }
}
