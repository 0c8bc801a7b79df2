package dev.capstan.features.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The playground shows mrkdwn as Slack does, by the rules of Slack's "Formatting text for app surfaces". */
class MrkdwnTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Map<String, String> PEOPLE = Map.of("UMEMBER01", "Mia Member");
    private static final Map<String, String> CHANNELS = Map.of("COPS", "ops");
    private final Mrkdwn mrkdwn = new Mrkdwn(new Mrkdwn.Names() {
        @Override
        public Optional<String> person(String id) {
            return Optional.ofNullable(PEOPLE.get(id));
        }

        @Override
        public Optional<String> channel(String id) {
            return Optional.ofNullable(CHANNELS.get(id));
        }
    }, new SlackDates(ZoneId.of("Europe/Stockholm"), NOW));

    @Test
    void starsInsideCodeSpansStayAsTypedAndFormatNothing() {
        assertThat(mrkdwn.html("deploys `release*`; on push of `release*`"))
                .isEqualTo("deploys <code>release*</code>; on push of <code>release*</code>");
        assertThat(mrkdwn.html("only from `tags/v*`, `tags/[0-9]*`"))
                .isEqualTo("only from <code>tags/v*</code>, <code>tags/[0-9]*</code>");
    }

    @Test
    void codeBlocksKeepEveryCharacterAndLineButNoEmojiOrStyle() {
        assertThat(mrkdwn.html("```\n*a* _b_ :package: 1 &lt; 2\nline two\n```"))
                .isEqualTo("<pre>*a* _b_ :package: 1 &lt; 2\nline two</pre>");
    }

    @Test
    void boldItalicAndStrikeApplyOnlyAtWordBoundaries() {
        assertThat(mrkdwn.html("*Production* takes _only_ ~tags~")).isEqualTo("<b>Production</b> takes <i>only</i> <s>tags</s>");
        assertThat(mrkdwn.html("snake_case_name and 2*3*4")).isEqualTo("snake_case_name and 2*3*4");
        assertThat(mrkdwn.html("(*bold*), * not bold *")).isEqualTo("(<b>bold</b>), * not bold *");
        assertThat(mrkdwn.html("*one\ntwo*")).isEqualTo("*one<br>two*");
    }

    @Test
    void linksMentionsChannelsAndSpecialMentionsAreNamed() {
        assertThat(mrkdwn.html("<https://example.com/a_b_c|the docs> <https://example.com>"))
                .isEqualTo("<a href=\"https://example.com/a_b_c\" target=\"_blank\" rel=\"noopener\">the docs</a> "
                        + "<a href=\"https://example.com\" target=\"_blank\" rel=\"noopener\">https://example.com</a>");
        assertThat(mrkdwn.html("<@UMEMBER01> <@UMEMBER01|mia.member> <@UNKNOWN1|someone> <#COPS> <#COPS|ops> <#CNEW|new>"))
                .isEqualTo(mention("@Mia Member") + " " + mention("@Mia Member") + " " + mention("@someone") + " "
                        + mention("#ops") + " " + mention("#ops") + " " + mention("#new"));
        assertThat(mrkdwn.html("<!here> <!channel> <!everyone> <!subteam^S123|@web>"))
                .isEqualTo(mention("@here") + " " + mention("@channel") + " " + mention("@everyone") + " " + mention("@web"));
    }

    @Test
    void slacksEscapesAreUndoneAndTheRestIsSafeHtml() {
        assertThat(mrkdwn.html("R&amp;D &lt;b&gt; \"quoted\"")).isEqualTo("R&amp;D &lt;b&gt; &quot;quoted&quot;");
        assertThat(mrkdwn.html("&gt; a quote\nafter")).isEqualTo("<blockquote>a quote</blockquote>after");
    }

    @Test
    void everyDateTokenIsWrittenInTheViewersZone() {
        long ts = Instant.parse("2014-02-18T05:39:45Z").getEpochSecond();
        String format = "{date_num}|{date}|{date_short}|{date_long}|{date_pretty}|{date_short_pretty}|{date_long_pretty}|{time}|{time_secs}";
        assertThat(new SlackDates(ZoneId.of("Europe/Stockholm"), NOW).format(ts, format)).isEqualTo(
                "2014-02-18|February 18th, 2014|Feb 18, 2014|Tuesday, February 18th, 2014|February 18th, 2014|Feb 18, 2014"
                        + "|Tuesday, February 18th, 2014|6:39 AM|6:39:45 AM");
        assertThat(new SlackDates(ZoneId.of("Europe/Stockholm"), NOW).format(NOW.getEpochSecond() - 180, "{date_short_pretty} {time}, {ago}"))
                .isEqualTo("Today 10:57 AM, 3 minutes ago");
        assertThat(new SlackDates(ZoneId.of("Europe/Stockholm"), NOW).format(NOW.getEpochSecond() - 86_400, "since {date_pretty}"))
                .isEqualTo("since yesterday");
    }

    @Test
    void aDateIsShownWithItsFallbackAsTitleAndLinkedWhenItHasALink() {
        long ts = Instant.parse("2026-12-07T08:00:00Z").getEpochSecond();
        assertThat(mrkdwn.html("<!date^" + ts + "^{date_short_pretty} {time}|7 Dec 08:00 UTC>"))
                .isEqualTo("<time datetime=\"2026-12-07T08:00:00Z\" title=\"7 Dec 08:00 UTC\">Today 9:00 AM</time>");
        assertThat(mrkdwn.html("<!date^" + ts + "^{date_num}^https://example.com|x>"))
                .startsWith("<a href=\"https://example.com\"").contains(">2026-12-07</time></a>");
        assertThat(mrkdwn.html("<!date^soon^{date}|some day>")).isEqualTo("some day");
    }

    @Test
    void emojiShortcodesUseSlacksNamesAndSkinTones() {
        assertThat(mrkdwn.html(":package: :inbox_tray: :mag: :raised_hand: :snowflake: :white_check_mark:"))
                .doesNotContain(">:package:<").contains("\uD83D\uDCE6").contains("\uD83D\uDCE5").contains("\uD83D\uDD0D")
                .contains("\u270B").contains("\u2744").contains("\u2705");
        assertThat(mrkdwn.html(":wave::skin-tone-3:")).contains("\uD83D\uDC4B\uD83C\uDFFC");
        assertThat(mrkdwn.html(":not_an_emoji_at_all: at 10:30:45")).isEqualTo(":not_an_emoji_at_all: at 10:30:45");
        assertThat(mrkdwn.plain("Deploy :rocket:", true)).isEqualTo("Deploy \uD83D\uDE80");
        assertThat(mrkdwn.plain("Deploy :rocket:", false)).isEqualTo("Deploy :rocket:");
    }

    @Test
    void mentionsInsideCodeAreStillNamedAsSlackDoes() {
        assertThat(mrkdwn.html("`<@UMEMBER01> ++`")).isEqualTo("<code>" + mention("@Mia Member") + " ++</code>");
    }

    private static String mention(String text) {
        return "<span class=\"mention\">" + text + "</span>";
    }
}
