package dev.capstan.features.timereport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.ModalInputs;
import dev.capstan.support.SlashReply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The add-time form: {@code /timereport add} without arguments opens it, and submitting it writes the days. */
class TimeReportModalConversationsTest extends TimeReportConversation {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ModalInputs form(String reason, String from, String to, String hours) {
        return ModalInputs.of().option("reason", reason).date("from", from).date("to", to).text("hours", hours);
    }

    SlashReply submit(String user, ModalInputs inputs) {
        return app.as(user).submit("timereport.add", "", inputs);
    }

    static JsonNode errors(SlashReply answer) {
        assertThat(answer.json().path("response_action").asText()).isEqualTo("errors");
        return answer.json().path("errors");
    }

    @Test
    void addWithoutArgumentsOpensTheFormWithTheTriggerIdInsideTheRequest() throws Exception {
        int before = app.slack().calls("views.open").size();
        SlashReply reply = app.as("UMODAL001").run("/timereport add");
        assertThat(reply.text()).contains("Opening the form to add time").doesNotContain("Working on");
        List<FakeSlack.ApiCall> opened = app.slack().calls("views.open");
        assertThat(opened).hasSize(before + 1);
        FakeSlack.ApiCall call = opened.get(opened.size() - 1);
        assertThat(call.arg("trigger_id")).isEqualTo("1337.42.abcdef");

        JsonNode view = JSON.readTree(call.arg("view"));
        assertThat(view.path("type").asText()).isEqualTo("modal");
        assertThat(view.path("callback_id").asText()).isEqualTo("timereport.add");
        assertThat(view.path("title").path("text").asText().length()).isLessThanOrEqualTo(24);
        Map<String, JsonNode> elements = new LinkedHashMap<>();
        for (JsonNode block : view.path("blocks")) {
            if (block.path("type").asText().equals("input")) elements.put(block.path("block_id").asText(), block.path("element"));
        }
        assertThat(elements).containsOnlyKeys("reason", "from", "to", "hours");
        List<String> reasons = new ArrayList<>();
        elements.get("reason").path("options").forEach(o -> reasons.add(o.path("value").asText()));
        assertThat(elements.get("reason").path("type").asText()).isEqualTo("static_select");
        assertThat(reasons).containsExactly("vab", "sjuk", "intern", "semester", "föräldraledig");
        assertThat(elements.get("from").path("type").asText()).isEqualTo("datepicker");
        assertThat(elements.get("from").path("initial_date").asText()).isEqualTo("2020-05-18");
        assertThat(elements.get("to").path("initial_date").asText()).isEqualTo("2020-05-18");
        assertThat(elements.get("hours").path("type").asText()).isEqualTo("plain_text_input");
        assertThat(elements.get("hours").path("initial_value").asText()).isEqualTo("8");
    }

    @Test
    void aSubmittedFormWritesTheWorkingDaysAtOnceAndSumsThemUpInADm() {
        SlashReply answer = submit("UMODAL002", form("vab", "2020-05-20", "2020-05-25", "6"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("errors");
        assertThat(app.as("UMODAL002").run("/timereport list 2020-05-20:2020-05-25").text())
                .contains("Wed 2020-05-20  vab  6 h").contains("Fri 2020-05-22  vab  6 h").contains("Mon 2020-05-25  vab  6 h")
                .doesNotContain("Thu 2020-05-21  vab").doesNotContain("Sat 2020-05-23  vab");
        assertThat(app.slack().awaitDms("UMODAL002", 1).get(0).arg("text"))
                .contains("Added *vab* 6 h to your report on 3 days: Wed 2020-05-20, Fri 2020-05-22, Mon 2020-05-25.")
                .contains("Thu 2020-05-21 (Ascension Day)").contains("2 weekend days");
    }

    @Test
    void badHoursAreShownNextToTheHoursField() {
        assertThat(errors(submit("UMODAL003", form("vab", "2020-05-19", "2020-05-19", "0"))).path("hours").asText())
                .contains("more than 0 and at most 24");
        assertThat(errors(submit("UMODAL003", form("vab", "2020-05-19", "2020-05-19", "24.5"))).path("hours").asText())
                .contains("more than 0 and at most 24");
        JsonNode many = errors(submit("UMODAL003", form("vab", "2020-05-19", "2020-05-19", "many")));
        assertThat(many.path("hours").asText()).contains("not a number of hours");
        assertThat(many.has("reason")).isFalse();
        assertThat(app.as("UMODAL003").run("/timereport list 2020-05-19").text()).contains("No entries");
    }

    @Test
    void aBackwardsRangeIsShownNextToTheLastDay() {
        JsonNode errors = errors(submit("UMODAL004", form("vab", "2020-05-22", "2020-05-20", "8")));
        assertThat(errors.path("to").asText()).contains("on or after the first day");
        assertThat(errors.has("from")).isFalse();
    }

    @Test
    void anUnknownReasonIsShownNextToTheReason() {
        assertThat(errors(submit("UMODAL005", form("vabb", "2020-05-19", "2020-05-19", "8"))).path("reason").asText())
                .contains("`vabb` is not a reason").contains("Did you mean `vab`");
    }

    @Test
    void aLockedMonthIsShownNextToTheDayInIt() {
        app.as("UMODAL006").run("/timereport lock 2020-04");
        assertThat(errors(submit("UMODAL006", form("vab", "2020-04-06", "2020-04-07", "8"))).path("from").asText())
                .contains("April 2020 is locked").doesNotContain("<@");
        assertThat(errors(submit("UMODAL006", form("vab", "2020-03-30", "2020-04-03", "8"))).path("to").asText())
                .contains("April 2020 is locked");
        assertThat(app.as("UMODAL006").run("/timereport list 2020-03-30:2020-04-07").text()).contains("No entries");
    }

    @Test
    void aRangeWithoutWorkingDaysOrOnlyReportedDaysIsRefused() {
        assertThat(errors(submit("UMODAL007", form("vab", "2020-05-23", "2020-05-24", "8"))).path("from").asText())
                .contains("has no working days");
        confirmed("UMODAL007", "/timereport add sjuk 2020-05-19");
        assertThat(errors(submit("UMODAL007", form("vab", "2020-05-19", "2020-05-19", "8"))).path("from").asText())
                .contains("Already reported: Tue 2020-05-19");
    }

    @Test
    void anExpiredTriggerGetsTheUsageInstead() {
        app.slack().scriptNext("views.open", new FakeSlack.Scripted(200, Map.of(), "{\"ok\":false,\"error\":\"expired_trigger_id\"}"));
        String text = app.as("UMODAL008").run("/timereport add").text();
        assertThat(text).contains("Could not open the form (expired_trigger_id)").contains("Usage:").contains("REASON");
    }

    @Test
    void addWithAReasonButNoDayStillAsksForTheDay() {
        SlashReply reply = app.as("UMODAL009").run("/timereport add vab");
        assertThat(reply.text()).contains("Missing required parameter: 'DAY'").contains("Usage:");
        assertThat(reply.buttons()).isEmpty();
    }

    @Test
    void theFormIsForYourOwnReportSoUserWithoutArgumentsGetsTheUsage() {
        int before = app.slack().calls("views.open").size();
        SlashReply reply = app.as(ADMIN).run("/timereport add --user UMODAL010");
        assertThat(reply.text()).contains("The form adds to your own report").contains("Usage:");
        assertThat(app.slack().calls("views.open")).hasSize(before);
    }
}
