package dev.capstan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aPasswordThatIsNotValidPercentEncodingIsTakenAsWrittenAndNeverEchoed() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://bob:s3cr%zz t+@x@db.internal:5432/capstan");
        assertThat(url.user()).isEqualTo("bob");
        assertThat(url.password()).isEqualTo("s3cr%zz t+@x");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/capstan");
    }

    @Test
    void aBadHostPartIsReportedWithoutTheCredentials() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://bob:hunter2@db internal:5432/capstan"))
                .hasMessageContaining("DATABASE_URL").hasMessageNotContaining("hunter2");
    }
}
