package dev.capstan.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class TokenizerPropertiesTest {
    @Property(tries = 2000)
    void neverThrowsWhateverTheText(@ForAll String text) {
        Tokenizer.Result result = Tokenizer.tokenize(text);
        assertThat(result.ok() ? result.tokens() != null : result.error() != null).isTrue();
    }

    @Property(tries = 2000)
    void quotedWordsComeBackUnchanged(@ForAll @Size(max = 8) List<String> words) {
        Tokenizer.Result result = Tokenizer.tokenize(Tokenizer.quote(words));
        assertThat(result.ok()).as(result.error()).isTrue();
        assertThat(result.tokens()).isEqualTo(words);
    }
}
