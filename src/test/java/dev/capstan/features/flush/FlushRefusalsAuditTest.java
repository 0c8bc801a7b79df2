package dev.capstan.features.flush;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** A site's access and purging everything being for admins: their refusals are audited as refused, by that rule. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class FlushRefusalsAuditTest {
    @Parameter
    TestDatabases.Kind database;
    FlushWorld world;

    @BeforeParameterizedClassInvocation
    void start() {
        world = new FlushWorld(database, null);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        world.close();
    }

    private String refusalsOf(String user) {
        return world.app.as(FlushWorld.ADA).run("/capstan audit --outcome refused --user " + user).text();
    }

    @Test
    void aSiteSomeoneMayNotFlushAndPurgingEverythingAsANonAdminAreAuditedAsRefusedWithTheRule() {
        assertThat(world.app.as(FlushWorld.CAROL).run("/flush history --site blog").text())
                .isEqualTo("You may not flush site blog, so its history is not shown.");
        assertThat(world.app.as(FlushWorld.ALICE).run("/flush everything nhs 12345").text())
                .isEqualTo("Purging everything of a site is for admins only, whatever the access rules allow; nothing was purged.");

        assertThat(refusalsOf(FlushWorld.CAROL)).contains("`/flush history --site blog` → allowed · refused by site blog access: "
                + "You may not flush site blog, so its history is not shown.");
        assertThat(refusalsOf(FlushWorld.ALICE)).contains("`/flush everything nhs 12345` → allowed · refused by flush everything: admins only: "
                + "Purging everything of a site is for admins only");
        assertThat(world.app.as(FlushWorld.ADA).run("/capstan audit --outcome ok --user " + FlushWorld.CAROL).text())
                .doesNotContain("flush history --site blog");
    }

    @Test
    void theFormSubmittedForASiteThePersonMayNotFlushIsAuditedAsRefusedWithTheSitesAccess() {
        String said = world.submit(FlushWorld.CAROL, "VREFUSED", "shop", "url", "delete", "https://shop.example.com/").json()
                .path("errors").path(FlushViews.SITE).asText();
        assertThat(said).startsWith("You may not flush site shop; ask an admin for access");
        assertThat(world.app.as(FlushWorld.ADA).run("/capstan audit --kind submission --outcome refused --user " + FlushWorld.CAROL).text())
                .contains("submission <@" + FlushWorld.CAROL + "> `" + FlushViews.CALLBACK_ID + "` → submit · refused by site shop access: "
                        + "You may not flush site shop;");
    }
}
