package dev.capstan.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.store.DatabaseUrl;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    @Test
    void thePlatformFormBecomesJdbcWithSeparateCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://capstan:p%40ss@db.internal:5433/capstan?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/capstan?sslmode=require");
        assertThat(url.user()).isEqualTo("capstan");
        assertThat(url.password()).isEqualTo("p@ss");
    }

    @Test
    void anH2UrlGetsPostgreSqlCompatibility() {
        assertThat(DatabaseUrl.parse("jdbc:h2:file:./x").jdbcUrl()).contains("MODE=PostgreSQL");
        assertThat(DatabaseUrl.parse(null).jdbcUrl()).startsWith("jdbc:h2:file:./data/capstan");
    }

    @Test
    void aRedactedUrlHidesThePassword() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db?user=a&password=secret").redacted()).doesNotContain("secret");
    }
}
