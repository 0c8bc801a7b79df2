package dev.capstan.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class TokenizerPropertiesTest {
    /** The pieces Slack and keyboards put into command text, so that random text actually meets the tricky paths. */
    private static final List<String> PIECES = List.of("\"", "'", "\\", "\u201C", "\u201D", "\u2018", "\u2019", "\u2014",
            "--", "=", " ", "\t", "\n", "<@U123ABC|bob>", "<@W12345678901>", "<#C42|general>", "<mailto:a@b.c|a@b.c>",
            "<@", "<#", "|", ">", "<", "&lt;", "&gt;", "&amp;", "&", "don't", "x", "add", "é", "\uD83D\uDE80");

    @Provide
    Arbitrary<String> slackishText() {
        return Arbitraries.of(PIECES).list().ofMaxSize(30).map(pieces -> String.join("", pieces));
    }

    @Provide
    Arbitrary<List<String>> slackishWords() {
        return slackishText().list().ofMaxSize(6);
    }

    @Property(tries = 3000)
    void neverThrowsWhateverTheText(@ForAll("slackishText") String text) {
        Tokenizer.Result result = Tokenizer.tokenize(text);
        assertThat(result.ok() ? result.tokens() != null : result.error() != null).isTrue();
        if (result.ok()) assertThat(result.tokens()).allSatisfy(token -> assertThat(token).isNotNull());
        else assertThat(result.error()).containsIgnoringCase("quote");
    }

    @Property(tries = 1000)
    void neverThrowsOnArbitraryUnicode(@ForAll String text) {
        Tokenizer.Result result = Tokenizer.tokenize(text);
        assertThat(result.ok() ? result.tokens() != null : result.error() != null).isTrue();
    }

    @Property(tries = 2000)
    void quotedWordsComeBackUnchanged(@ForAll @Size(max = 8) List<String> words) {
        Tokenizer.Result result = Tokenizer.tokenize(Tokenizer.quote(words));
        assertThat(result.ok()).as(result.error()).isTrue();
        assertThat(result.tokens()).isEqualTo(words);
    }

    @Property(tries = 2000)
    void quotedSlackishWordsComeBackUnchanged(@ForAll("slackishWords") List<String> words) {
        Tokenizer.Result result = Tokenizer.tokenize(Tokenizer.quote(words));
        assertThat(result.ok()).as(result.error()).isTrue();
        assertThat(result.tokens()).isEqualTo(words);
    }
}
