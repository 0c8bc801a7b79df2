package dev.capstan.features.directory;

import static dev.capstan.features.directory.DirectoryFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.FakeDrive;
import dev.capstan.support.FakeDrive.Permission;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each team's Drive folder is shared with exactly its members, against a local fake of Drive v3. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryDriveTest {
    FakeDrive drive;
    DirectoryFixture fx;

    @BeforeAll
    void start() {
        drive = new FakeDrive();
        fx = new DirectoryFixture(TestDatabases.Kind.H2, "families:\n  directory:\n    drive:\n      api_url: " + drive.url()
                + "\n      sync_cron: \"* * * * * *\"\n", Map.of("GOOGLE_SERVICE_ACCOUNT_JSON", drive.serviceAccountJson()));
    }

    @AfterAll
    void stop() {
        fx.close();
        drive.close();
    }

    private Set<String> userGrants(String folder) {
        return drive.permissions(folder).stream().filter(p -> p.type().equals("user")).map(Permission::email).collect(Collectors.toSet());
    }

    /** Moves Capstan's clock past the next firing of the sharing schedule (every second) and runs it to its end. */
    private void fire() {
        fx.app.clock().advance(Duration.ofSeconds(1));
        fx.app.runDueJobs();
    }

    /** After the next firing, the folder is shared with exactly {@code expected} (among user grants). */
    private void awaitUserGrants(String folder, Set<String> expected) {
        fire();
        assertThat(userGrants(folder)).as("folder " + folder + " after a firing").isEqualTo(expected);
    }

    @Test
    void aTeamsFolderIsSharedWithExactlyItsMembersKeepingInheritedOwnerAndServiceAccountGrants() {
        String lead = fx.lead();
        String member = fx.person();
        String folder = "folder-" + lead;
        drive.folder(folder,
                new Permission("owner1", "user", "owner@example.com", "owner", false),
                new Permission("inh1", "user", "parent@example.com", "writer", true),
                new Permission("sa1", "user", FakeDrive.SERVICE_ACCOUNT, "writer", false),
                new Permission("dom1", "domain", null, "reader", false),
                new Permission("old1", "user", "stale@example.com", "writer", false));
        String team = "drive-" + lead.toLowerCase();
        fx.slow(ADMIN, "/capstan team create " + team + " --lead " + lead + " --folder " + folder);
        String leadEmail = lead.toLowerCase() + "@example.com";
        awaitUserGrants(folder, Set.of("owner@example.com", "parent@example.com", FakeDrive.SERVICE_ACCOUNT, leadEmail));
        assertThat(drive.permissions(folder)).anyMatch(p -> p.type().equals("domain"));

        fx.slow(lead, "/capstan team add " + team + " " + member);
        String memberEmail = member.toLowerCase() + "@example.com";
        awaitUserGrants(folder, Set.of("owner@example.com", "parent@example.com", FakeDrive.SERVICE_ACCOUNT, leadEmail, memberEmail));

        fx.slow(member, "/capstan user edit --email moved-" + memberEmail);
        awaitUserGrants(folder, Set.of("owner@example.com", "parent@example.com", FakeDrive.SERVICE_ACCOUNT, leadEmail, "moved-" + memberEmail));

        fx.slow(lead, "/capstan team remove " + team + " " + member);
        awaitUserGrants(folder, Set.of("owner@example.com", "parent@example.com", FakeDrive.SERVICE_ACCOUNT, leadEmail));
    }

    @Test
    void aFolderDriveCouldNotReachIsSharedAtALaterFiring() {
        String lead = fx.lead();
        String folder = "flaky-" + lead;
        drive.folder(folder);
        drive.failNext(folder, 2);
        fx.slow(ADMIN, "/capstan team create flaky-" + lead.toLowerCase() + " --lead " + lead);
        fx.slow(lead, "/capstan team edit flaky-" + lead.toLowerCase() + " --folder " + folder);
        Set<String> expected = Set.of(lead.toLowerCase() + "@example.com");
        for (int firing = 0; firing < 3 && !userGrants(folder).equals(expected); firing++) fire();
        assertThat(userGrants(folder)).as("folder " + folder + " within three firings").isEqualTo(expected);
        assertThat(List.copyOf(drive.permissions(folder))).hasSize(1);
    }

    @Test
    void startingAProfileOverTakesItsEmailOffTheTeamsFolders() {
        String lead = fx.lead();
        String member = fx.person();
        String folder = "restart-" + lead;
        drive.folder(folder);
        String team = "restart-" + lead.toLowerCase();
        fx.slow(ADMIN, "/capstan team create " + team + " --lead " + lead + " --folder " + folder);
        fx.slow(lead, "/capstan team add " + team + " " + member);
        String leadEmail = lead.toLowerCase() + "@example.com";
        awaitUserGrants(folder, Set.of(leadEmail, member.toLowerCase() + "@example.com"));
        assertThat(fx.run(member, "/capstan user add -f").text()).contains("re-created");
        awaitUserGrants(folder, Set.of(leadEmail));
    }

    @Test
    void deletingATeamOrMovingItToAnotherFolderTakesItsMembersOffTheOldFolder() {
        String lead = fx.lead();
        String member = fx.person();
        String kept = "kept-" + lead;
        String moved = "moved-" + lead;
        String next = "next-" + lead;
        drive.folder(kept, new Permission("owner2", "user", "owner@example.com", "owner", false));
        drive.folder(moved);
        drive.folder(next);
        String first = "gone-" + lead.toLowerCase();
        String second = "moving-" + lead.toLowerCase();
        fx.slow(ADMIN, "/capstan team create " + first + " --lead " + lead + " --folder " + kept);
        fx.slow(ADMIN, "/capstan team create " + second + " --lead " + lead + " --folder " + moved);
        fx.slow(lead, "/capstan team add " + first + " " + member);
        String leadEmail = lead.toLowerCase() + "@example.com";
        awaitUserGrants(kept, Set.of("owner@example.com", leadEmail, member.toLowerCase() + "@example.com"));
        awaitUserGrants(moved, Set.of(leadEmail));

        var ask = fx.run(lead, "/capstan team delete " + first);
        fx.awaitPost(fx.app.as(lead).click(ask.button("Confirm")).responseUrl(), "Deleted team");
        awaitUserGrants(kept, Set.of("owner@example.com"));

        fx.slow(lead, "/capstan team edit " + second + " --folder " + next);
        awaitUserGrants(next, Set.of(leadEmail));
        awaitUserGrants(moved, Set.of());
    }
}
