package dev.capstan.features.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.Await;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two replicas on one PostgreSQL database: a concurrency key held on one is held on the other. */
class ReplicasConcurrencyTest {
    @Test
    void aKeyTakenOnOneReplicaRefusesTheSameKeyOnTheOtherUntilTheRunEnds() {
        try (Declared declared = new Declared(TestDatabases.Kind.POSTGRES);
             TestApp second = declared.builder(TestApp.on(TestDatabases.Kind.POSTGRES).database(declared.app.databaseUrl())
                     .slack(declared.app.slack()), Declared.YAML).start()) {
            declared.jenkins.hold();
            assertThat(declared.app.as(Declared.LEAD).in(Declared.OPS).freshTriggers().run("/capstan restart api").text())
                    .contains("Restarting *api*");

            assertThat(second.as(Declared.LEAD).in(Declared.OPS).freshTriggers().run("/capstan restart api").text())
                    .contains("`restart` is already running for `restart:api:staging`");
            assertThat(second.as(Declared.LEAD).in(Declared.OPS).freshTriggers().run("/capstan restart api production --reason r --dry-run").text())
                    .contains("Its key `restart:api:production` is free");

            declared.jenkins.release();
            Declared.awaitMessage(declared.app.slack(), "SUCCESS in");
            Await.until(() -> second.as(Declared.LEAD).in(Declared.OPS).freshTriggers().run("/capstan restart api").text(),
                    t -> t.contains("Restarting *api*"), Duration.ofSeconds(10), "the key free on the other replica");
            Await.until(declared.jenkins::triggers, list -> list.size() == 2, Duration.ofSeconds(10), "two builds in all");
        }
    }
}
