package dev.capstan.features.directory;

import static dev.capstan.features.directory.DirectoryFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.security.Hmac;
import dev.capstan.support.FakeDrive;
import dev.capstan.support.FakeDrive.Permission;
import dev.capstan.support.FakeGitHub;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.SlashReply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * What a Rocket 2 user types and configures works unchanged: the original's {@code team create … --name … --channel}
 * example, GITHUB_DEFAULT_TEAM_NAME, service notices in the channel of Rocket 2's (misspelt) SLACK_NOFICIATION_CHANNEL,
 * GitHub as the source of truth in its webhooks, and GCP_SERVICE_ACCOUNT_SUBJECT for Drive.
 */
class DirectoryRocketSettingsTest extends DirectoryConversationOnEveryDatabase {
    private static final String NOTICES = "CNOTICES";
    private static final String SUBJECT = "drive-admin@example.com";
    private static final String ORG_AND_SENDER = "\"organization\":{\"login\":\"launchpad\",\"id\":500},"
            + "\"sender\":{\"login\":\"octocat\",\"id\":1,\"type\":\"User\"},\"installation\":{\"id\":77}";
    private FakeDrive drive;

    @Override
    @BeforeParameterizedClassInvocation
    void startDirectory() {
        drive = new FakeDrive();
        super.startDirectory();
    }

    @AfterParameterizedClassInvocation
    void stopDrive() {
        drive.close();
    }

    @Override
    String settings() {
        return "families:\n  directory:\n    drive:\n      api_url: " + drive.url() + "\n      sync_cron: \"* * * * * *\"\n";
    }

    @Override
    Map<String, String> env() {
        return Map.of("SLACK_NOFICIATION_CHANNEL", NOTICES, "GOOGLE_SERVICE_ACCOUNT_JSON", drive.serviceAccountJson(),
                "GCP_SERVICE_ACCOUNT_SUBJECT", SUBJECT);
    }

    private SlashReply deliver(String event, String body) {
        return fx.app.rawPost("/github/webhook", body, "application/json", Map.of("X-GitHub-Event", event,
                "X-GitHub-Delivery", UUID.randomUUID().toString(), "X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex("webhook-secret", body)));
    }

    /** Waits for a service notice in the notification channel that contains {@code text}. */
    private String awaitNotice(String text) {
        return fx.app.slack().awaitMessages(c -> NOTICES.equals(c.arg("channel")) && String.valueOf(c.arg("text")).contains(text), 1)
                .get(0).arg("text");
    }

    /** Moves Capstan's clock past the next firing of the Drive sharing schedule (every second) and runs it to its end. */
    private void fireDriveSharing() {
        fx.app.clock().advance(Duration.ofSeconds(1));
        fx.app.runDueJobs();
    }

    private List<String> notices() {
        return fx.app.slack().calls("chat.postMessage").stream().filter(c -> NOTICES.equals(c.arg("channel")))
                .map(c -> c.arg("text")).toList();
    }

    @Test
    void rocket2sOwnTeamCreateExampleWorksWithNameAndChannelAloneMeaningThisChannel() {
        String lead = fx.lead();
        String member = fx.person();
        fx.app.slack().scriptNext("conversations.members", new FakeSlack.Scripted(200, Map.of(), "{\"ok\":true,\"members\":[\""
                + lead + "\",\"" + member + "\"],\"response_metadata\":{\"next_cursor\":\"\"}}"));
        SlashReply ack = fx.app.as(lead).in("CSTRUDDLE").run("/rocket team create \"struddle-bouts\" --name \"Struddle Bouts\" --channel");
        assertThat(fx.app.slack().awaitPosts(ack.responseUrl(), 1).get(0).allText())
                .contains("Created team `struddle-bouts`").contains("From <#CSTRUDDLE>: added 1 (<@" + member + ">)");
        assertThat(fx.app.slack().calls("conversations.members")).anyMatch(c -> "CSTRUDDLE".equals(c.arg("channel")));
        assertThat(fx.github.calls()).anyMatch(c -> c.method().equals("POST") && c.body().contains("\"description\":\"Struddle Bouts\""));
        assertThat(fx.run(member, "/rocket team view struddle-bouts").text()).contains("Struddle Bouts").contains("<@" + member + ">");
        assertThat(fx.slow(lead, "/rocket team edit struddle-bouts --name \"Struddle Bouts League\"")).contains("Updated team `struddle-bouts`");
        assertThat(fx.run(member, "/rocket team list").text()).contains("`struddle-bouts` Struddle Bouts League");
    }

    @Test
    void everyoneWithALinkedGitHubLoginIsInTheDefaultTeamAllAndRefreshPutsBackWhoeverIsMissing() {
        String person = fx.person();
        String login = person.toLowerCase();
        FakeGitHub.FakeTeam all = fx.github.teamNamed("all");
        assertThat(all).as("GitHub team all, created when the first login was linked").isNotNull();
        assertThat(all.members()).containsEntry(login, "member");
        String maintainer = DirectoryFixture.newUserId();
        fx.github.account(maintainer.toLowerCase(), Long.parseLong(maintainer.substring(2)));
        all.members().put(maintainer.toLowerCase(), "maintainer");
        fx.run(maintainer, "/capstan user add");
        assertThat(fx.slow(maintainer, "/capstan user edit --github " + maintainer.toLowerCase())).contains("Updated your profile");
        assertThat(fx.github.teamNamed("all").members()).as("a maintainer stays one").containsEntry(maintainer.toLowerCase(), "maintainer");

        fx.github.teamNamed("all").members().remove(login);
        assertThat(fx.slow(ADMIN, "/capstan team refresh")).contains("`" + login + "` joined GitHub team `all`");
        assertThat(fx.github.teamNamed("all").members()).containsKey(login);

        assertThat(fx.slow(person, "/capstan user edit --github \"\"")).contains("GitHub login cleared");
        assertThat(fx.github.teamNamed("all").members()).doesNotContainKey(login);
    }

    @Test
    void aTeamEditedOnGitHubThatCapstanDoesNotKnowIsCreatedAndTheNotificationChannelHearsOfIt() {
        String name = "gh-only-" + UUID.randomUUID().toString().substring(0, 8);
        SlashReply reply = deliver("team", "{\"action\":\"edited\",\"changes\":{\"description\":{\"from\":\"old\"}},\"team\":{\"name\":\""
                + name + "\",\"id\":987654,\"slug\":\"" + name + "\",\"privacy\":\"closed\",\"permission\":\"pull\"}," + ORG_AND_SENDER + "}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("created " + name);
        assertThat(fx.run(ADMIN, "/capstan team view " + name).text()).contains("*On GitHub*\nyes");
        assertThat(awaitNotice(name)).contains("From GitHub (`team` edited): created " + name);
    }

    @Test
    void aMemberRemovedFromTheOrganisationLosesTheirGitHubLinkAndTeamsKeepsTheirProfileAndTheChannelIsTold() {
        String lead = fx.lead();
        String member = fx.person();
        String team = fx.team(lead);
        fx.slow(lead, "/capstan team add " + team + " " + member);
        String login = member.toLowerCase();
        SlashReply removed = deliver("organization", "{\"action\":\"member_removed\",\"membership\":{\"state\":\"active\",\"role\":\"member\","
                + "\"user\":{\"login\":\"" + login + "\",\"id\":" + Long.parseLong(member.substring(2)) + ",\"type\":\"User\"}}," + ORG_AND_SENDER + "}");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body()).contains("removed " + member + " from 1 teams and unlinked GitHub login " + login);
        String card = fx.run(member, "/capstan user view").text();
        assertThat(card).contains("Person " + member).contains("*GitHub*\n—");
        assertThat(fx.run(lead, "/capstan team view " + team).text()).doesNotContain("<@" + member + ">");
        assertThat(awaitNotice("unlinked GitHub login " + login)).contains("<@" + member + ">");
    }

    @Test
    void aDeliveryThatCanNeverApplyIsRefusedAndTheNotificationChannelHearsOfItButIgnoredOnesStayQuiet() {
        SlashReply refused = deliver("team", "{\"action\":\"created\",\"team\":{\"name\":\"bad\\u0007name\",\"id\":55501,"
                + "\"slug\":\"bad-name\",\"privacy\":\"closed\"}," + ORG_AND_SENDER + "}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(awaitNotice("was refused")).contains("`team` created").contains("control characters");
        int before = notices().size();
        assertThat(deliver("membership", "{\"action\":\"added\",\"scope\":\"team\",\"member\":{\"login\":\"nobody-here\",\"id\":1},"
                + "\"team\":{\"name\":\"unknown\",\"id\":42424242}," + ORG_AND_SENDER + "}").body()).startsWith("ignored");
        assertThat(notices()).hasSize(before);
    }

    @Test
    void theDriveServiceAccountActsForTheConfiguredSubjectAndLeavesThatUsersGrantAlone() {
        String lead = fx.lead();
        String folder = "folder-" + lead;
        drive.folder(folder, new Permission("subj", "user", SUBJECT, "writer", false),
                new Permission("old1", "user", "stale@example.com", "writer", false));
        fx.slow(ADMIN, "/capstan team create drive-" + lead.toLowerCase() + " --lead " + lead + " --folder " + folder);
        String leadEmail = lead.toLowerCase() + "@example.com";
        fireDriveSharing();
        assertThat(drive.permissions(folder).stream().map(Permission::email).collect(Collectors.toSet()))
                .as("folder shared with the lead, the subject's grant kept").isEqualTo(Set.of(SUBJECT, leadEmail));
        assertThat(drive.signInSubjects()).isNotEmpty().allMatch(SUBJECT::equals);
    }

    @Test
    void aDriveFolderThatCannotBeSharedIsAnnouncedOnceInTheNotificationChannel() {
        String lead = fx.lead();
        String folder = "broken-" + lead;
        drive.folder(folder);
        drive.failNext(folder, 3);
        String team = "broken-" + lead.toLowerCase();
        fx.slow(ADMIN, "/capstan team create " + team + " --lead " + lead + " --folder " + folder);
        fireDriveSharing();
        assertThat(awaitNotice("team `" + team + "` could not be shared")).contains("keeps trying");
        for (int firing = 1; firing < 4 && drive.permissions(folder).isEmpty(); firing++) fireDriveSharing();
        assertThat(drive.permissions(folder)).as("the folder shared at last, within four firings").hasSize(1);
        fx.app.awaitJobsDone();
        assertThat(notices()).filteredOn(t -> t.contains(team)).hasSize(1);
    }
}
