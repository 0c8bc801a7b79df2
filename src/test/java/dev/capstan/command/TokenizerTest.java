package dev.capstan.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    private static List<String> words(String text) {
        Tokenizer.Result result = Tokenizer.tokenize(text);
        assertThat(result.ok()).as(result.error()).isTrue();
        return result.tokens();
    }

    @Test
    void splitsOnAnyWhitespace() {
        assertThat(words("  add\tvab \u00A0today  ")).containsExactly("add", "vab", "today");
    }

    @Test
    void doubleAndSingleQuotesGroupWords() {
        assertThat(words("edit --bio \"I like Java\" --name 'Ada Lovelace'")).containsExactly("edit", "--bio", "I like Java", "--name", "Ada Lovelace");
    }

    @Test
    void curlyQuotesCountAsStraightOnes() {
        assertThat(words("--bio \u201CHello there\u201D \u2018a b\u2019")).containsExactly("--bio", "Hello there", "a b");
    }

    @Test
    void anApostropheInsideAWordIsJustAnApostrophe() {
        assertThat(words("--bio don't stop")).containsExactly("--bio", "don't", "stop");
        assertThat(words("--bio don\u2019t")).containsExactly("--bio", "don\u2019t");
    }

    @Test
    void anEmptyQuotedStringIsAnEmptyWord() {
        assertThat(words("--bio \"\"")).containsExactly("--bio", "");
    }

    @Test
    void backslashEscapesTheNextCharacter() {
        assertThat(words("a\\ b \"say \\\"hi\\\"\"")).containsExactly("a b", "say \"hi\"");
    }

    @Test
    void aLeadingEmDashIsTwoDashes() {
        assertThat(words("\u2014name Bob \u2014 x")).containsExactly("--name", "Bob", "\u2014", "x");
    }

    @Test
    void slackEscapesAreUnwrapped() {
        assertThat(words("<@U123ABC|bob> <@U123ABC> <@W0123456789> <#C123|general> <mailto:a@b.c|a@b.c> <https://x.io/a|x>"))
                .containsExactly("U123ABC", "U123ABC", "W0123456789", "C123", "a@b.c", "https://x.io/a");
    }

    @Test
    void htmlEntitiesSlackAddsAreDecoded() {
        assertThat(words("a&amp;b &lt;tag&gt;")).containsExactly("a&b", "<tag>");
    }

    @Test
    void anOptionValueCanBeQuotedAfterAnEqualsSign() {
        assertThat(words("--name='Ada L' --bio=\"x y\"")).containsExactly("--name=Ada L", "--bio=x y");
    }

    @Test
    void anUnbalancedQuoteIsAnErrorThatSaysWhere() {
        Tokenizer.Result result = Tokenizer.tokenize("team create \"launch pad");
        assertThat(result.ok()).isFalse();
        assertThat(result.error()).contains("Unbalanced double quote").contains("position 13");
        assertThat(Tokenizer.tokenize("x 'open").error()).contains("Unbalanced single quote");
    }

    @Test
    void nothingIsNoWords() {
        assertThat(words("")).isEmpty();
        assertThat(Tokenizer.tokenize(null).tokens()).isEmpty();
    }
}
