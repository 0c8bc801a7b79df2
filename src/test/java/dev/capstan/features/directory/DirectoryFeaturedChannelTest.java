package dev.capstan.features.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.FakeSlack;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestClock;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The featured-channel post fires once per firing, even with two replicas on one PostgreSQL. It runs on a schedule
 * of every 4 seconds by Capstan's clock, which the test moves a firing at a time, running what is due on either replica.
 */
class DirectoryFeaturedChannelTest {
    private static final String YAML = """
            families:
              directory:
                featured_channel:
                  channel: CFEATURED
                  schedule: "*/4 * * * * *"
                  zone: Europe/Stockholm
            """;

    @Test
    void twoReplicasPostTheFeaturedChannelOncePerFiringAndNeverFeatureTheTargetItself() {
        TestClock clock = new TestClock(Instant.parse("2026-03-25T10:00:01Z"));
        TestApp first = TestApp.on(TestDatabases.Kind.POSTGRES).clock(clock).feature(new Directory()).yaml(YAML).start();
        TestApp second = TestApp.on(TestDatabases.Kind.POSTGRES).database(first.databaseUrl()).slack(first.slack()).clock(clock)
                .feature(new Directory()).yaml(YAML).start();
        try {
            first.runDueJobs();
            first.awaitJobsDone();
            assertThat(featuredPosts(first.slack())).as("posts before the first firing").isEmpty();
            for (int firing = 1; firing <= 3; firing++) {
                clock.advance(Duration.ofSeconds(4));
                (firing % 2 == 0 ? second : first).runDueJobs();
                first.awaitJobsDone();
                assertThat(featuredPosts(first.slack())).as("posts after firing " + firing).hasSize(firing);
            }
            assertThat(featuredPosts(first.slack()).get(0).arg("text")).contains("featured channel is <#C").doesNotContain("CFEATURED");
        } finally {
            second.close();
            first.closeAll();
        }
    }

    private static List<FakeSlack.ApiCall> featuredPosts(FakeSlack slack) {
        return slack.calls("chat.postMessage").stream().filter(c -> "CFEATURED".equals(c.arg("channel"))).toList();
    }
}
