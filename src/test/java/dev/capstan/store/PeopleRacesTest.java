package dev.capstan.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.command.Role;
import dev.capstan.support.Simultaneously;
import dev.capstan.support.TestDatabases;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Replicas that start together on a fresh database all write CAPSTAN_ADMINS at the same moment. */
class PeopleRacesTest {
    private static final int REPLICAS = 8;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void replicasMakingTheSameNewPersonAdminAtOnceAllSucceed(TestDatabases.Kind kind) {
        try (Database db = Database.open(DatabaseUrl.parse(TestDatabases.freshUrl(kind)), REPLICAS)) {
            PeopleStore people = new PeopleStore(db.jdbi(), Clock.systemUTC());
            for (int round = 0; round < 30; round++) {
                String id = String.format("URACE%04d", round);
                List<String> failures = Simultaneously.run(REPLICAS, i -> {
                    try {
                        people.makeAdmins(List.of(id));
                        return null;
                    } catch (RuntimeException e) {
                        return e.getMessage();
                    }
                });
                assertThat(failures).as("round " + round).containsOnlyNulls();
                assertThat(people.roleOf(id)).isEqualTo(Role.ADMIN);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void registeringTheSamePersonAtOnceAddsThemOnceAndSaysSoOnce(TestDatabases.Kind kind) {
        try (Database db = Database.open(DatabaseUrl.parse(TestDatabases.freshUrl(kind)), REPLICAS)) {
            PeopleStore people = new PeopleStore(db.jdbi(), Clock.systemUTC());
            for (int round = 0; round < 30; round++) {
                String id = String.format("UENSURE%03d", round);
                List<Object> added = Simultaneously.run(REPLICAS, i -> {
                    try {
                        return people.ensure(id);
                    } catch (RuntimeException e) {
                        return e.getMessage();
                    }
                });
                assertThat(added).as("round " + round).containsOnly(true, false).containsOnlyOnce(true);
            }
        }
    }
}
