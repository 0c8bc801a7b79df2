package dev.capstan.features.timereport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.app.SlackManifest;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.SlashReply;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exporting a report as a CSV file to the conversation: what is uploaded, who may export whom, and Slack refusing. */
class TimeReportExportConversationsTest extends TimeReportConversation {

    @Test
    void exportUploadsTheMonthAsCsvToTheConversation() {
        confirmed("UEXPORT01", "/timereport add vab 2020-05-19:2020-05-20");
        confirmed("UEXPORT01", "/timereport add intern 2020-05-22 2.5");
        SlashReply ack = app.as("UEXPORT01").in("CPAYROLL").run("/timereport export 2020-05");
        assertThat(ack.text()).contains("Working on `/timereport export`");
        assertThat(app.slack().awaitPosts(ack.responseUrl(), 1).get(0).text())
                .contains("Exported 3 entries (18.5 h) of <@UEXPORT01> on May 2020 as `timereport-2020-05-UEXPORT01.csv`");

        FakeSlack.ApiCall getUrl = app.slack().calls("files.getUploadURLExternal").stream()
                .filter(c -> "timereport-2020-05-UEXPORT01.csv".equals(c.arg("filename"))).findFirst().orElseThrow();
        String csv = "user_id,date,reason,hours\r\nUEXPORT01,2020-05-19,vab,8\r\nUEXPORT01,2020-05-20,vab,8\r\n"
                + "UEXPORT01,2020-05-22,intern,2.5\r\n";
        assertThat(getUrl.arg("length")).isEqualTo(Integer.toString(csv.length()));
        assertThat(app.slack().uploads()).anySatisfy(upload -> assertThat(upload.body()).contains(csv));
        assertThat(app.slack().calls("files.completeUploadExternal"))
                .anySatisfy(c -> assertThat(c.arg("channel_id")).isEqualTo("CPAYROLL"));
    }

    @Test
    void exportingNothingSaysSoAndUploadsNothing() {
        int before = app.slack().calls("files.getUploadURLExternal").size();
        SlashReply ack = app.as("UEXPORT02").run("/timereport export 2020-01-01:2020-01-31");
        assertThat(app.slack().awaitPosts(ack.responseUrl(), 1).get(0).text())
                .contains("No entries of <@UEXPORT02> on January 2020; nothing to export.");
        assertThat(app.slack().calls("files.getUploadURLExternal")).hasSize(before);
    }

    @Test
    void onlyAnAdminExportsEveryone() {
        confirmed("UEXPORT03", "/timereport add sjuk 2020-03-02");
        confirmed("UEXPORT04", "/timereport add vab 2020-03-03");
        SlashReply denied = app.as("UEXPORT03").run("/timereport export 2020-03 --all");
        assertThat(app.slack().awaitPosts(denied.responseUrl(), 1).get(0).text()).contains("Only admins can export everyone's entries");
        SlashReply other = app.as("UEXPORT03").run("/timereport export 2020-03 --user UEXPORT04");
        assertThat(app.slack().awaitPosts(other.responseUrl(), 1).get(0).text()).contains("Only admins");

        SlashReply ack = app.as(ADMIN).run("/timereport export 2020-03 --all");
        assertThat(app.slack().awaitPosts(ack.responseUrl(), 1).get(0).text()).contains("as `timereport-2020-03-all.csv`");
        assertThat(app.slack().uploads()).anySatisfy(upload -> assertThat(upload.body())
                .contains("UEXPORT03,2020-03-02,sjuk,8").contains("UEXPORT04,2020-03-03,vab,8"));
    }

    @Test
    void anAdminExportsSomeoneElsesReport() {
        confirmed("UEXPORT05", "/timereport add semester 2020-02-03:2020-02-04");
        SlashReply ack = app.as(ADMIN).in("CPAYROLL").run("/timereport export 2020-02 --user <@UEXPORT05|eve>");
        assertThat(app.slack().awaitPosts(ack.responseUrl(), 1).get(0).text())
                .contains("Exported 2 entries (16 h) of <@UEXPORT05> on February 2020 as `timereport-2020-02-UEXPORT05.csv`");
        assertThat(app.slack().uploads()).anySatisfy(upload -> assertThat(upload.body())
                .contains("UEXPORT05,2020-02-03,semester,8\r\nUEXPORT05,2020-02-04,semester,8\r\n"));
    }

    @Test
    void theAppManifestAsksForTheScopeThatUploadingNeeds() {
        SlackManifest manifest = new SlackManifest(app.capstan().commands(), app.capstan().events());
        assertThat(manifest.scopes()).contains("files:write");
        assertThat(manifest.yaml("https://capstan.example.com", false)).contains("files:write");
    }

    @Test
    void aMissingScopeIsNamedInsteadOfAskingToInviteTheBot() {
        confirmed("UEXPORT06", "/timereport add vab 2020-02-05");
        app.slack().scriptNext("files.getUploadURLExternal", new FakeSlack.Scripted(200, Map.of(),
                "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"files:write\",\"provided\":\"commands,chat:write\"}"));
        SlashReply ack = app.as("UEXPORT06").run("/timereport export 2020-02");
        assertThat(app.slack().awaitPosts(ack.responseUrl(), 1).get(0).text())
                .contains("missing_scope").contains("`files:write`").doesNotContain("Invite");
    }

    @Test
    void aBotOutsideTheChannelIsAskedToBeInvited() {
        confirmed("UEXPORT07", "/timereport add vab 2020-02-06");
        app.slack().scriptNext("files.completeUploadExternal", new FakeSlack.Scripted(200, Map.of(),
                "{\"ok\":false,\"error\":\"not_in_channel\"}"));
        SlashReply ack = app.as("UEXPORT07").in("CPRIVATE1").run("/timereport export 2020-02");
        assertThat(app.slack().awaitPosts(ack.responseUrl(), 1).get(0).text())
                .contains("not_in_channel").contains("Invite it here").doesNotContain("files:write");
    }
}
