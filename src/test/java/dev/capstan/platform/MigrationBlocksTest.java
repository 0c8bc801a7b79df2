package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A family's migrations stay in its block of ten versions: one outside it stops start-up before anything is migrated. */
class MigrationBlocksTest {

    @Test
    void versionsInsideTheBlockPassAndOneOutsideItIsRefusedWithItsFamilyAndBlock() {
        Declarations declarations = new Declarations();
        declarations.migrations(new FamilyMigrations("deploy", 30));

        assertThatCode(() -> declarations.requireMigrationsInTheirBlocks(location -> List.of("30", "31_1", "39")))
                .doesNotThrowAnyException();
        Map<String, List<String>> found = Map.of("classpath:db/deploy", List.of("30", "40_1"));
        assertThatThrownBy(() -> declarations.requireMigrationsInTheirBlocks(found::get))
                .hasMessage("Migration V40_1 of deploy is outside its versions V30 to V39");
    }
}
