package dev.capstan.features.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.app.Launcher;
import dev.capstan.app.Main;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks each family's flows in the playground (directory, time reporting, deployments with an approval, cache flush,
 * a declared command), then reads every message, DM and modal each person was shown, as the page renders them: no
 * Slack markup may be left raw, no known emoji shortcode may stay text, and every code span keeps every character.
 */
class PlaygroundShowsNoRawMarkupTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PEOPLE = List.of("UADMIN001", "ULEAD0001", "UMEMBER01", "UMEMBER02");
    private static final List<String> CHANNELS = List.of("CGENERAL", "CDEV", "COPS");
    private static final Pattern CODE_SPAN = Pattern.compile("(?<!`)`([^`\\n]+)`(?!`)");
    private static final Pattern SHORTCODE = Pattern.compile(":([a-z0-9_+'\\-]+):");
    private static final Pattern CODE_HTML = Pattern.compile("<(code|pre)>.*?</\\1>|<[^>]+>", Pattern.DOTALL);
    private static Launcher.Running running;
    /** Every rendered message or modal, with the source (text and blocks) it was rendered from. */
    private static final Map<String, JsonNode> shown = new LinkedHashMap<>();

    @BeforeAll
    static void walkEveryFamily() {
        running = PlaygroundTour.start(Main.features());
        PlaygroundVisitor ada = as("UADMIN001", "CGENERAL");
        PlaygroundVisitor leo = as("ULEAD0001", "CGENERAL");
        PlaygroundVisitor mia = as("UMEMBER01", "CGENERAL");

        for (String line : List.of("/capstan help", "/capstan whoami", "/capstan <@UMEMBER02|max.member> ++", "/capstan @Max ++",
                "/capstan karma view", "/capstan user view", "/capstan user edit --username @Max --bio hi", "/capstan team list",
                "/capstan whois ada", "/capstan whois ada --dry-run", "/capstan help whois")) {
            mia.type(line);
        }
        mia.awaitState("the declared command's answer", s -> s.toString().contains("Pretend ada"));

        mia.type("/timereport add vab 2020-05-18");
        JsonNode question = mia.awaitState("the time report question", s -> message(s.path("messages"), "Confirm") != null);
        mia.click(message(question.path("messages"), "Confirm"), "Confirm");
        mia.awaitState("the entry", s -> s.toString().contains("Added *vab*"));
        for (String line : List.of("/timereport list 2020-05", "/timereport lock 2020-05", "/timereport lock list 2020", "/timereport help")) {
            mia.type(line);
        }
        mia.type("/timereport add");
        record("the add-time form", mia.awaitState("the add-time form", s -> s.has("modal")).path("modal"));
        closeModal(mia);

        PlaygroundVisitor leoDev = as("ULEAD0001", "CDEV");
        PlaygroundVisitor miaDev = as("UMEMBER01", "CDEV");
        leoDev.type("/deploy setup acme/web");
        leoDev.awaitState("the set-up", s -> s.toString().contains("Setting up `acme/web`"));
        for (String line : List.of("/deploy get", "/deploy help", "/deploy feature/x to production", "/deploy v1.1.0 to production --dry-run",
                "/deploy freeze list")) {
            miaDev.type(line);
        }
        miaDev.type("/deploy v1.0.0 to staging");
        miaDev.awaitState("the staging deployment to succeed", s -> s.toString().contains("succeeded"));
        miaDev.type("/deploy v1.0.0 to production");
        JsonNode card = leoDev.awaitState("the approval card", s -> message(s.path("messages"), "Approve") != null);
        record("the approval card", message(card.path("messages"), "Approve"));
        leoDev.click(message(card.path("messages"), "Approve"), "Approve");
        miaDev.awaitState("the approved deployment to succeed", s -> s.path("messages").findValuesAsText("text").stream()
                .filter(t -> t.contains("`production`") && t.contains("succeeded")).count() >= 1);
        for (String line : List.of("/deploy list", "/deploy status", "/deploy lock staging trying things", "/deploy locks")) {
            miaDev.type(line);
        }
        miaDev.awaitState("the locks", s -> s.toString().contains("trying things"));

        ada.type("/flush https://example.com/pricing");
        ada.awaitState("the flush form", s -> s.path("modal").path("view").path("callback_id").asText().equals("flush.form"));
        record("the flush form", ada.state().path("modal"));
        ObjectNode values = JSON.createObjectNode();
        option(values, "site", "playground");
        option(values, "kind", "url");
        option(values, "mode", "invalidate");
        values.putObject("targets").putObject("targets").put("type", "plain_text_input").put("value", "https://example.com/pricing");
        ada.submitModal(values);
        record("the flush result", ada.awaitState("the flush result", s -> s.path("modal").toString().contains("Cache purged")).path("modal"));
        closeModal(ada);
        ada.awaitState("the result by DM", s -> s.path("dms").toString().contains("Cache purged"));
        ada.type("/flush history");
        leo.type("/capstan help");

        for (String person : PEOPLE) {
            for (String channel : CHANNELS) {
                JsonNode state = as(person, channel).state();
                state.path("messages").forEach(m -> record(person + " in " + channel, m));
                if (channel.equals("CGENERAL")) state.path("dms").forEach(m -> record(person + "'s DMs", m));
            }
        }
    }

    @AfterAll
    static void stop() {
        if (running != null) running.close();
    }

    @Test
    void everyFamilySpokeAndEveryMessageWasRendered() {
        assertThat(shown).hasSizeGreaterThan(40);
        assertThat(shown.values()).allSatisfy(m -> assertThat(m.path("html").asText()).isNotBlank());
        assertThat(String.join("\n", shown.keySet())).contains("the approval card", "the flush form", "DMs");
    }

    @Test
    void noMentionChannelOrDateIsLeftAsSlackMarkup() {
        shown.forEach((where, m) -> assertThat(m.path("html").asText()).as(where + ": " + m.path("text").asText())
                .doesNotContain("&lt;@", "&lt;#", "&lt;!", "<@", "<#", "<!date"));
    }

    @Test
    void noKnownEmojiShortcodeIsLeftAsText() {
        shown.forEach((where, m) -> {
            String outsideCode = CODE_HTML.matcher(m.path("html").asText()).replaceAll(" ");
            Matcher code = SHORTCODE.matcher(outsideCode);
            while (code.find()) {
                assertThat(EmojiShortcodes.known(code.group(1))).as(where + " shows " + code.group() + " as text").isFalse();
            }
        });
    }

    @Test
    void everyCodeSpanKeepsEveryCharacter() {
        int spans = 0;
        for (Map.Entry<String, JsonNode> entry : shown.entrySet()) {
            String html = entry.getValue().path("html").asText();
            for (String source : mrkdwnOf(entry.getValue())) {
                Matcher span = CODE_SPAN.matcher(source.replaceAll("```[\\s\\S]*?```", ""));
                while (span.find()) {
                    String inside = span.group(1);
                    if (inside.contains("<")) continue;
                    spans++;
                    assertThat(html).as(entry.getKey() + ": " + source).contains("<code>" + Mrkdwn.escape(Mrkdwn.unescape(inside)) + "</code>");
                }
            }
        }
        assertThat(spans).as("code spans checked").isGreaterThan(20);
    }

    /** The mrkdwn a message or view was rendered from: its text when it has no blocks, else its blocks' mrkdwn objects. */
    private static List<String> mrkdwnOf(JsonNode m) {
        List<String> texts = new ArrayList<>();
        JsonNode blocks = m.has("view") ? m.path("view").path("blocks") : m.path("blocks");
        if (blocks.isArray() && !blocks.isEmpty()) {
            blocks.findParents("type").stream().filter(n -> n.path("type").asText().equals("mrkdwn"))
                    .forEach(n -> texts.add(n.path("text").asText()));
        } else if (!m.path("typed").asBoolean()) {
            texts.add(m.path("text").asText());
        }
        return texts;
    }

    private static void record(String where, JsonNode messageOrModal) {
        shown.put(where + " #" + shown.size(), messageOrModal);
    }

    private static JsonNode message(JsonNode messages, String button) {
        for (JsonNode m : messages) {
            for (JsonNode block : m.path("blocks")) {
                for (JsonNode el : block.path("elements")) {
                    if (el.path("text").path("text").asText().equals(button)) return m;
                }
            }
        }
        return null;
    }

    private static void option(ObjectNode values, String id, String value) {
        values.putObject(id).putObject(id).put("type", "static_select").putObject("selected_option").put("value", value);
    }

    private static void closeModal(PlaygroundVisitor visitor) {
        visitor.closeModal();
    }

    private static PlaygroundVisitor as(String user, String channel) {
        return new PlaygroundVisitor(running.playgroundUrl(), user, channel);
    }
}
