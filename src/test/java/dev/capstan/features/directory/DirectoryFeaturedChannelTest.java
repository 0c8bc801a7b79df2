package dev.capstan.features.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.FakeSlack;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The featured-channel post fires once per firing, even with two replicas on one PostgreSQL. It runs on a schedule
 * of every 4 seconds, so however long the two apps take to start, firings keep coming while both are up.
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
    void twoReplicasPostTheFeaturedChannelOncePerFiringAndNeverFeatureTheTargetItself() throws Exception {
        TestApp first = TestApp.on(TestDatabases.Kind.POSTGRES).feature(new Directory()).yaml(YAML).start();
        TestApp second = TestApp.on(TestDatabases.Kind.POSTGRES).database(first.databaseUrl()).slack(first.slack())
                .feature(new Directory()).yaml(YAML).start();
        try {
            int before = featuredPosts(first.slack()).size();
            List<Instant> seen = new ArrayList<>();
            Instant end = Instant.now().plus(Duration.ofSeconds(13));
            while (Instant.now().isBefore(end)) {
                for (int i = seen.size(); i < featuredPosts(first.slack()).size() - before; i++) seen.add(Instant.now());
                Thread.sleep(50);
            }
            assertThat(seen).as("posts while both replicas run (every 4 s)").hasSizeBetween(2, 4);
            for (int i = 1; i < seen.size(); i++) {
                assertThat(Duration.between(seen.get(i - 1), seen.get(i))).as("time between two posts").isGreaterThan(Duration.ofMillis(2500));
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
