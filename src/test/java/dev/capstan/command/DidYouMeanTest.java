package dev.capstan.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    @Test
    void suggestsTheClosestNamesForATypoOrTransposition() {
        assertThat(DidYouMean.closest("whomai", List.of("whoami", "audit", "access"))).containsExactly("whoami");
        assertThat(DidYouMean.closest("tema", List.of("team", "user", "karma"))).first().isEqualTo("team");
    }

    @Test
    void suggestsNothingForSomethingFarAway() {
        assertThat(DidYouMean.sentence("deployment-pipeline", List.of("user", "team"))).isEmpty();
    }
}
