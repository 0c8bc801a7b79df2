package dev.capstan.features.directory;

import static dev.capstan.features.directory.DirectoryFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.security.Hmac;
import dev.capstan.support.SlashReply;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GitHub's organization, team and membership webhooks keep the directory in step; payloads shaped as GitHub sends them. */
class DirectoryWebhookTest extends DirectoryConversation {
    private static final String SECRET = "webhook-secret";

    private SlashReply deliver(String event, String deliveryId, String body) {
        return fx.app.rawPost("/github/webhook", body, "application/json", Map.of("X-GitHub-Event", event,
                "X-GitHub-Delivery", deliveryId, "X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex(SECRET, body)));
    }

    private SlashReply deliver(String event, String body) {
        return deliver(event, UUID.randomUUID().toString(), body);
    }

    private static String user(String login, long id) {
        return "{\"login\":\"" + login + "\",\"id\":" + id + ",\"node_id\":\"MDQ6VXNlcjE=\",\"type\":\"User\",\"site_admin\":false}";
    }

    private static String team(String name, long id) {
        return "{\"name\":\"" + name + "\",\"id\":" + id + ",\"slug\":\"" + name.toLowerCase() + "\",\"privacy\":\"closed\","
                + "\"permission\":\"pull\",\"parent\":null}";
    }

    private static final String ORG_AND_SENDER = "\"organization\":{\"login\":\"launchpad\",\"id\":500},"
            + "\"sender\":{\"login\":\"octocat\",\"id\":1,\"type\":\"User\"},\"installation\":{\"id\":77}";

    private long githubIdOf(String person) {
        return Long.parseLong(person.substring(2));
    }

    @Test
    void aMissingWrongOrSha1OnlySignatureIsRefusedWith401() {
        String body = "{\"zen\":\"Design for failure.\",\"hook_id\":1}";
        Map<String, String> headers = new HashMap<>(Map.of("X-GitHub-Event", "ping", "X-GitHub-Delivery", "d-unsigned"));
        assertThat(fx.app.rawPost("/github/webhook", body, "application/json", headers).status()).isEqualTo(401);
        headers.put("X-Hub-Signature", "sha1=" + "0".repeat(40));
        assertThat(fx.app.rawPost("/github/webhook", body, "application/json", headers).status()).isEqualTo(401);
        headers.put("X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex("wrong-secret", body));
        assertThat(fx.app.rawPost("/github/webhook", body, "application/json", headers).status()).isEqualTo(401);
    }

    @Test
    void pingIsAnsweredWith200() {
        SlashReply reply = deliver("ping", "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":12345678,\"hook\":{\"type\":\"Organization\","
                + "\"id\":12345678,\"events\":[\"organization\",\"team\",\"membership\"]}," + ORG_AND_SENDER + "}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("pong");
    }

    @Test
    void aRemovedOrganisationMemberLeavesEveryTeamAndARedeliveryIsIgnored() {
        String lead = fx.lead();
        String member = fx.person();
        String first = fx.team(lead);
        String second = fx.team(lead);
        fx.slow(lead, "/capstan team add " + first + " " + member);
        fx.slow(lead, "/capstan team add " + second + " " + member);
        String body = "{\"action\":\"member_removed\",\"membership\":{\"state\":\"active\",\"role\":\"member\",\"user\":"
                + user(member.toLowerCase(), githubIdOf(member)) + "}," + ORG_AND_SENDER + "}";
        SlashReply removed = deliver("organization", "delivery-" + member, body);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body()).contains("removed " + member + " from 2 teams");
        assertThat(fx.run(lead, "/capstan team view " + first).text()).doesNotContain("<@" + member + ">");
        assertThat(fx.run(lead, "/capstan team view " + second).text()).doesNotContain("<@" + member + ">");
        assertThat(fx.slow(member, "/capstan user edit --github " + member.toLowerCase())).contains("Updated your profile");
        fx.slow(lead, "/capstan team add " + first + " " + member);
        assertThat(deliver("organization", "delivery-" + member, body).body()).isEqualTo("already handled");
        assertThat(fx.run(lead, "/capstan team view " + first).text()).contains("<@" + member + ">");
    }

    @Test
    void membershipEventsAddAndRemoveKnownPeopleInKnownTeams() {
        String lead = fx.lead();
        String member = fx.person();
        String name = fx.team(lead);
        long teamId = fx.github.teamNamed(name).id();
        String added = "{\"action\":\"added\",\"scope\":\"team\",\"member\":" + user(member.toLowerCase(), githubIdOf(member))
                + ",\"team\":" + team(name, teamId) + "," + ORG_AND_SENDER + "}";
        assertThat(deliver("membership", added).body()).contains("added " + member);
        assertThat(fx.run(lead, "/capstan team view " + name).text()).contains("<@" + member + ">");
        String removed = added.replace("\"action\":\"added\"", "\"action\":\"removed\"");
        assertThat(deliver("membership", removed).body()).contains("removed " + member);
        assertThat(fx.run(lead, "/capstan team view " + name).text()).doesNotContain("<@" + member + ">");
        String unknownTeam = added.replace(team(name, teamId), team("ghosts", 999999));
        SlashReply ignored = deliver("membership", unknownTeam);
        assertThat(ignored.status()).isEqualTo(200);
        assertThat(ignored.body()).contains("ignored: unknown team ghosts");
        String unknownUser = added.replace(user(member.toLowerCase(), githubIdOf(member)), user("stranger", 424242));
        assertThat(deliver("membership", unknownUser).body()).contains("ignored: stranger is not in the directory");
    }

    @Test
    void teamEventsCreateRenameAndDeleteTeams() {
        String created = "{\"action\":\"created\",\"team\":" + team("Mobile", 777001) + "," + ORG_AND_SENDER + "}";
        assertThat(deliver("team", created).body()).isEqualTo("created Mobile");
        assertThat(deliver("team", created).body()).isEqualTo("already known: Mobile");
        assertThat(fx.run(ADMIN, "/capstan team list").text()).contains("`Mobile`");
        String edited = "{\"action\":\"edited\",\"changes\":{\"name\":{\"from\":\"Mobile\"}},\"team\":" + team("Apps", 777001)
                + "," + ORG_AND_SENDER + "}";
        assertThat(deliver("team", edited).body()).isEqualTo("renamed Mobile to Apps");
        assertThat(fx.run(ADMIN, "/capstan team view Apps").text()).contains("Apps");
        String deleted = "{\"action\":\"deleted\",\"team\":" + team("Apps", 777001) + "," + ORG_AND_SENDER + "}";
        assertThat(deliver("team", deleted).body()).isEqualTo("deleted Apps");
        assertThat(fx.run(ADMIN, "/capstan team view Apps").text()).contains("There is no team named");
        assertThat(deliver("team", deleted).body()).contains("ignored: unknown team Apps");
    }

    @Test
    void eventsNobodyFollowsAreRecordedWith202AndUnreadableBodiesRefusedWith400() {
        SlashReply push = deliver("push", "{\"ref\":\"refs/heads/main\",\"commits\":[]," + ORG_AND_SENDER + "}");
        assertThat(push.status()).isEqualTo(202);
        assertThat(push.body()).isEqualTo("recorded; nobody subscribes to push");
        SlashReply invited = deliver("organization", "{\"action\":\"member_invited\",\"invitation\":{\"login\":\"newbie\"},"
                + "\"user\":" + user("newbie", 5150) + "," + ORG_AND_SENDER + "}");
        assertThat(invited.body()).contains("noted invitation of newbie");
        SlashReply garbage = deliver("team", "this is not json");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body()).isEqualTo("the body is not a JSON object");
    }

    @Test
    void aDeliveryThatCouldNotBeAppliedAnswers500AndItsRedeliveryIsApplied() throws Exception {
        assertThat(deliver("team", "{\"action\":\"created\",\"team\":" + team("Locked", 777101) + "," + ORG_AND_SENDER + "}").body())
                .isEqualTo("created Locked");
        String edited = "{\"action\":\"edited\",\"changes\":{\"name\":{\"from\":\"Locked\"}},\"team\":" + team("Unlocked", 777101)
                + "," + ORG_AND_SENDER + "}";
        try (Connection other = DriverManager.getConnection(fx.app.databaseUrl())) {
            other.setAutoCommit(false);
            other.createStatement().executeUpdate("update directory_teams set platform = 'held' where team_key = 'locked'");
            SlashReply failed = deliver("team", "delivery-locked", edited);
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.body()).isEqualTo("could not be applied; redeliver it");
            other.rollback();
        }
        SlashReply redelivered = deliver("team", "delivery-locked", edited);
        assertThat(redelivered.status()).isEqualTo(200);
        assertThat(redelivered.body()).isEqualTo("renamed Locked to Unlocked");
        assertThat(deliver("team", "delivery-locked", edited).body()).isEqualTo("already handled");
    }

    @Test
    void whenGitHubsTeamCreatedWebhookArrivesFirstTeamCreateAdoptsThatTeam() {
        String lead = fx.lead();
        String name = "raced-" + lead.toLowerCase();
        fx.github.beforeAnswering("POST", "/orgs/launchpad/teams", () -> assertThat(deliver("team", "{\"action\":\"created\",\"team\":"
                + team(name, fx.github.teamNamed(name).id()) + "," + ORG_AND_SENDER + "}").body()).isEqualTo("created " + name));
        assertThat(fx.slow(ADMIN, "/capstan team create " + name + " --lead <@" + lead + "> --platform Rust"))
                .contains("Created team `" + name + "` on GitHub and here");
        assertThat(fx.run(ADMIN, "/capstan team view " + name).text()).contains("*Leads:* <@" + lead + ">")
                .contains("*Members (1):* <@" + lead + ">").contains("Rust");
    }

    @Test
    void aRenameWhoseEditedWebhookArrivesFirstKeepsTheOtherEdits() {
        String lead = fx.lead();
        String name = fx.team(lead);
        long id = fx.github.teamNamed(name).id();
        fx.github.beforeAnswering("PATCH", "/teams/" + name, () -> assertThat(deliver("team", "{\"action\":\"edited\",\"team\":"
                + team("new-" + name, id) + "," + ORG_AND_SENDER + "}").body()).isEqualTo("renamed " + name + " to new-" + name));
        assertThat(fx.slow(lead, "/capstan team edit " + name + " --github new-" + name + " --platform Kotlin --displayname \"New name\""))
                .contains("renamed from `" + name + "`");
        assertThat(fx.run(lead, "/capstan team view new-" + name).text()).contains("Kotlin").contains("New name");
        assertThat(fx.github.calls()).filteredOn(c -> c.method().equals("PATCH")).last()
                .satisfies(c -> assertThat(c.body()).contains("\"description\":\"New name\"").contains("\"name\":\"new-" + name + "\""));
    }

    @Test
    void aCreatedEventForATeamKnownUnderAnotherNameTakesGitHubsName() {
        String created = "{\"action\":\"created\",\"team\":" + team("Tablet", 777301) + "," + ORG_AND_SENDER + "}";
        assertThat(deliver("team", created).body()).isEqualTo("created Tablet");
        String again = "{\"action\":\"created\",\"team\":" + team("Tablets", 777301) + "," + ORG_AND_SENDER + "}";
        assertThat(deliver("team", again).body()).isEqualTo("renamed Tablet to Tablets");
        assertThat(fx.run(ADMIN, "/capstan team view Tablets").text()).contains("Tablets");
        assertThat(fx.run(ADMIN, "/capstan team view Tablet").text()).contains("There is no team named");
        String taken = "{\"action\":\"created\",\"team\":" + team("Phone", 777302) + "," + ORG_AND_SENDER + "}";
        assertThat(deliver("team", taken).body()).isEqualTo("created Phone");
        String clash = "{\"action\":\"created\",\"team\":" + team("Phone", 777301) + "," + ORG_AND_SENDER + "}";
        assertThat(deliver("team", clash).body()).isEqualTo("ignored: another team is already named Phone");
    }

    @Test
    void aDeliveryThatCanNeverApplyIsAnswered422RecordedAndAuditedSoGitHubStopsRetryingIt() {
        String tooLong = "{\"action\":\"created\",\"team\":" + team("t".repeat(101), 777401) + "," + ORG_AND_SENDER + "}";
        SlashReply rejected = deliver("team", "d-too-long", tooLong);
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.body()).contains("the team name is not 1 to 100 characters");
        assertThat(deliver("team", "d-too-long", tooLong).body()).isEqualTo("already handled");
        SlashReply nul = deliver("team", "{\"action\":\"edited\",\"team\":" + team("a\\u0000b", 777402) + "," + ORG_AND_SENDER + "}");
        assertThat(nul.status()).isEqualTo(422);
        String member = fx.person();
        String name = fx.team(fx.lead());
        String nulLogin = "{\"action\":\"added\",\"scope\":\"team\",\"member\":" + user("oct\\u0000cat", 424243)
                + ",\"team\":" + team(name, fx.github.teamNamed(name).id()) + "," + ORG_AND_SENDER + "}";
        assertThat(deliver("membership", nulLogin).status()).isEqualTo(422);
        assertThat(deliver("team", "x".repeat(201), tooLong).status()).isEqualTo(400);
        assertThat(fx.run(ADMIN, "/capstan audit --kind webhook --limit 5").text())
                .contains("rejected by directory: the login is not 1 to 100 characters")
                .contains("refused 400: the delivery id is not 1 to 200 printable characters");
        assertThat(fx.run(ADMIN, "/capstan team view " + name).text()).doesNotContain(member);
    }
}
