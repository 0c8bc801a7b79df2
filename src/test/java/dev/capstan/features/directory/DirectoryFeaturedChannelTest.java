package dev.capstan.features.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** The weekly featured-channel post fires once per firing, even with two replicas on one PostgreSQL. */
class DirectoryFeaturedChannelTest {

    @Test
    void twoReplicasPostTheFeaturedChannelOnceAndNeverFeatureTheTargetItself() throws Exception {
        ZoneId zone = ZoneId.of("Europe/Stockholm");
        ZonedDateTime at = ZonedDateTime.now(zone).plusSeconds(6);
        String yaml = "families:\n  directory:\n    featured_channel:\n      channel: CFEATURED\n      day: " + at.getDayOfWeek()
                + "\n      time: \"" + at.format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "\"\n      zone: " + zone + "\n";
        TestApp first = TestApp.on(TestDatabases.Kind.POSTGRES).feature(new Directory()).yaml(yaml).start();
        TestApp second = TestApp.on(TestDatabases.Kind.POSTGRES).database(first.databaseUrl()).slack(first.slack())
                .feature(new Directory()).yaml(yaml).start();
        try {
            var posts = first.slack().awaitMessages(c -> "CFEATURED".equals(c.arg("channel")), 1);
            assertThat(posts.get(0).arg("text")).contains("This week's featured channel is <#C").doesNotContain("CFEATURED");
            Thread.sleep(3000);
            assertThat(first.slack().calls("chat.postMessage").stream().filter(c -> "CFEATURED".equals(c.arg("channel")))).hasSize(1);
        } finally {
            second.close();
            first.closeAll();
        }
    }
}
