package dev.capstan.features.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.store.DatabaseUrl;
import dev.capstan.support.TestDatabases;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * V22 on a directory where two profiles already share a GitHub login: the oldest keeps it, and no third can take it;
 * then V24 moves every link to the platform's one GitHub identity per person, keeping each one.
 */
class DirectoryLoginMigrationTest {
    private static final String[] LOCATIONS = {"classpath:db/platform", "classpath:db/timereport", "classpath:db/directory"};

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabases.Kind.class)
    void theOldestProfileKeepsASharedLoginAndTheMoveToThePlatformKeepsEveryLink(TestDatabases.Kind kind) {
        DatabaseUrl url = DatabaseUrl.parse(TestDatabases.freshUrl(kind));
        Flyway.configure().dataSource(url.jdbcUrl(), url.user(), url.password()).locations(LOCATIONS)
                .target("21").load().migrate();
        Jdbi jdbi = url.user() == null ? Jdbi.create(url.jdbcUrl()) : Jdbi.create(url.jdbcUrl(), url.user(), url.password());
        String insert = "insert into directory_profiles (user_id, github_login, github_id, created_at) values (?, ?, ?, ?)";
        jdbi.useHandle(h -> {
            h.execute(insert, "UNEWER", "octo", 7L, Timestamp.valueOf("2026-02-01 10:00:00"));
            h.execute(insert, "UOLDER", "Octo", 7L, Timestamp.valueOf("2026-01-01 10:00:00"));
            h.execute(insert, "UOTHER", "someone", 8L, Timestamp.valueOf("2026-03-01 10:00:00"));
        });
        Flyway.configure().dataSource(url.jdbcUrl(), url.user(), url.password()).locations(LOCATIONS).target("23").load().migrate();
        List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery(
                "select user_id, github_login, github_key from directory_profiles order by user_id").mapToMap().list());
        assertThat(rows).extracting(r -> r.get("user_id") + "=" + r.get("github_login") + "/" + r.get("github_key"))
                .containsExactly("UNEWER=null/null", "UOLDER=Octo/octo", "UOTHER=someone/someone");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("update directory_profiles set github_login = 'OCTO', "
                + "github_key = 'octo' where user_id = 'UOTHER'"))).hasMessageContaining("directory_profiles_github_key");

        Flyway.configure().dataSource(url.jdbcUrl(), url.user(), url.password()).locations(LOCATIONS).load().migrate();
        List<Map<String, Object>> links = jdbi.withHandle(h -> h.createQuery(
                "select user_id, login, login_key, github_id from github_identities order by user_id").mapToMap().list());
        assertThat(links).extracting(r -> r.get("user_id") + "=" + r.get("login") + "/" + r.get("login_key") + "#" + r.get("github_id"))
                .containsExactly("UOLDER=Octo/octo#7", "UOTHER=someone/someone#8");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("insert into github_identities (user_id, login, login_key, linked_at) "
                + "values ('UNEWER', 'OCTO', 'octo', current_timestamp)"))).hasMessageContaining("github_identities_login");
    }
}
