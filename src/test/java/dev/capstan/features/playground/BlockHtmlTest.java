package dev.capstan.features.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Block Kit as the playground draws it: every block type Capstan sends, and what each click or pick will send. */
class BlockHtmlTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockHtml html = new BlockHtml(new Mrkdwn(new Mrkdwn.Names() {
        @Override
        public Optional<String> person(String id) {
            return id.equals("UMEMBER01") ? Optional.of("Mia Member") : Optional.empty();
        }

        @Override
        public Optional<String> channel(String id) {
            return Optional.empty();
        }
    }, new SlackDates(ZoneId.of("UTC"), Instant.parse("2026-12-07T10:00:00Z"))),
            List.of(new Workspace.Person("UMEMBER01", "Mia Member", "member")));

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void headerSectionWithFieldsAndAccessoryContextAndDivider() throws Exception {
        String shown = html.blocks(json("""
                [{"type":"header","text":{"type":"plain_text","text":":rocket: Deploy *now*"}},
                 {"type":"section","text":{"type":"mrkdwn","text":"By <@UMEMBER01>"},
                  "fields":[{"type":"mrkdwn","text":"*State*\\nqueued"}],
                  "accessory":{"type":"button","action_id":"go","value":"1","text":{"type":"plain_text","text":"Go"}}},
                 {"type":"divider"},
                 {"type":"context","elements":[{"type":"mrkdwn","text":"`deploy` · :hourglass_flowing_sand:"}]}]"""), Map.of());
        assertThat(shown).contains("<div class=\"block header\">\uD83D\uDE80 Deploy *now*</div>")
                .contains("By <span class=\"mention\">@Mia Member</span>")
                .contains("<div class=\"fields\"><div><b>State</b><br>queued</div></div>")
                .contains("<div class=\"accessory\"><button type=\"button\" data-action=\"")
                .contains("<div class=\"block divider\"></div>")
                .contains("<code>deploy</code> · <span class=\"emoji\" title=\":hourglass_flowing_sand:\">\u23F3</span>");
    }

    @Test
    void buttonsCarryTheirStyleAndTheActionSlackWouldSend() throws Exception {
        String shown = html.blocks(json("""
                [{"type":"actions","block_id":"approval","elements":[
                  {"type":"button","action_id":"deploy.approve","value":"7","style":"primary","text":{"type":"plain_text","text":"Approve"}},
                  {"type":"button","action_id":"deploy.reject","value":"7","style":"danger","text":{"type":"plain_text","text":"Reject"}}]}]"""),
                Map.of());
        assertThat(shown).contains("<button type=\"button\" class=\"primary\" data-action=\"{&quot;type&quot;:&quot;button&quot;,"
                + "&quot;action_id&quot;:&quot;deploy.approve&quot;,&quot;block_id&quot;:&quot;approval&quot;,&quot;value&quot;:&quot;7&quot;,"
                + "&quot;text&quot;:{&quot;type&quot;:&quot;plain_text&quot;,&quot;text&quot;:&quot;Approve&quot;}}\">Approve</button>")
                .contains("class=\"danger\"");
    }

    @Test
    void selectsAndOverflowMenusKeepEachOptionAsSlackSendsItBack() throws Exception {
        String shown = html.blocks(json("""
                [{"type":"actions","block_id":"b1","elements":[
                  {"type":"static_select","action_id":"pick","initial_option":{"text":{"type":"plain_text","text":"Red"},"value":"red"},
                   "options":[{"text":{"type":"plain_text","text":"Red"},"value":"red"}]},
                  {"type":"overflow","action_id":"more","options":[{"text":{"type":"plain_text","text":"Blue"},"value":"blue"}]},
                  {"type":"users_select","action_id":"who"}]}]"""), Map.of());
        assertThat(shown).contains("<option value=\"red\" data-option=\"{&quot;text&quot;:{&quot;type&quot;:&quot;plain_text&quot;,"
                + "&quot;text&quot;:&quot;Red&quot;},&quot;value&quot;:&quot;red&quot;}\" selected>Red</option>")
                .contains("<select class=\"overflow\"").contains("<option value=\"UMEMBER01\">Mia Member</option>");
    }

    @Test
    void aModalsInputsAreNamedByBlockAndShowTheirErrorUnderneath() throws Exception {
        String shown = html.view(json("""
                {"type":"modal","title":{"type":"plain_text","text":"Cache flush"},"blocks":[
                  {"type":"input","block_id":"targets","label":{"type":"plain_text","text":"Targets"},
                   "hint":{"type":"plain_text","text":"One per line"},
                   "element":{"type":"plain_text_input","action_id":"targets","multiline":true,"initial_value":"a <b>"}},
                  {"type":"input","block_id":"when","optional":true,"label":{"type":"plain_text","text":"When"},
                   "element":{"type":"datepicker","action_id":"when","initial_date":"2026-12-07"}}]}"""),
                Map.of("targets", "2 lines need fixing:\nline 1\nline 2"));
        assertThat(shown).startsWith("<h2>Cache flush</h2>")
                .contains("<textarea name=\"targets\" data-block-id=\"targets\" data-action-id=\"targets\" data-type=\"plain_text_input\">a &lt;b&gt;</textarea>")
                .contains("<div class=\"note\">One per line</div><div class=\"error\">2 lines need fixing:\nline 1\nline 2</div>")
                .contains("<input type=\"date\" name=\"when\" data-block-id=\"when\" data-action-id=\"when\" data-type=\"datepicker\" value=\"2026-12-07\">")
                .contains("When <span class=\"note\">(optional)</span>");
    }

    @Test
    void imagesAndRichTextAreDrawnToo() throws Exception {
        String shown = html.blocks(json("""
                [{"type":"image","image_url":"https://example.com/a.png","alt_text":"a chart","title":{"type":"plain_text","text":"Hours"}},
                 {"type":"rich_text","elements":[
                   {"type":"rich_text_section","elements":[{"type":"text","text":"Hi ","style":{"bold":true}},{"type":"user","user_id":"UMEMBER01"},
                     {"type":"emoji","name":"wave","skin_tone":2}]},
                   {"type":"rich_text_list","style":"bullet","elements":[{"type":"rich_text_section","elements":[{"type":"text","text":"one"}]}]},
                   {"type":"rich_text_preformatted","elements":[{"type":"text","text":"*raw*"}]}]}]"""), Map.of());
        assertThat(shown).contains("<figure><figcaption>Hours</figcaption><img src=\"https://example.com/a.png\" alt=\"a chart\"></figure>")
                .contains("<b>Hi </b><span class=\"mention\">@Mia Member</span>\uD83D\uDC4B\uD83C\uDFFB")
                .contains("<ul><li>one</li></ul>").contains("<pre>*raw*</pre>");
    }

    @Test
    void aMessageWithoutBlocksShowsItsTextAsMrkdwnAndWhatWasTypedShowsMentionsOnly() {
        assertThat(html.message("*Done* :tada:", null)).isEqualTo("<div class=\"block section\"><b>Done</b> "
                + "<span class=\"emoji\" title=\":tada:\">\uD83C\uDF89</span></div>");
        assertThat(html.typed("/capstan <@UMEMBER01|mia.member> ++ *not bold*")).isEqualTo(
                "/capstan <span class=\"mention\">@Mia Member</span> ++ *not bold*");
    }
}
