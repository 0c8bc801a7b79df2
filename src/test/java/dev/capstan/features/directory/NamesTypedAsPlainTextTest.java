package dev.capstan.features.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Slack sends a person as {@code <@U…|name>} only when they were picked from its list; a name typed to the end arrives
 * as plain {@code @Mia}. Capstan cannot know who that is, and says how to mention them instead.
 */
class NamesTypedAsPlainTextTest extends DirectoryConversationOnEveryDatabase {

    @Test
    void karmaForANameTypedAsPlainTextSaysToPickThePersonFromTheList() {
        String me = fx.person();
        assertThat(fx.run(me, "/capstan @Mia ++").text()).contains("`@Mia` is not a Slack user")
                .contains("type `@` and pick the person from the list Slack offers").doesNotContain("I don't know");
        assertThat(fx.run(me, "/capstan @Mia++").text()).contains("pick the person from the list");
    }

    @Test
    void editingSomeoneNamedAsPlainTextSaysToPickThePersonAndChangesNothing() {
        String me = fx.person();
        String reply = fx.slow(me, "/capstan user edit --username @Mia --bio hi");
        assertThat(reply).contains("`@Mia` is not a Slack user").contains("pick the person from the list Slack offers");
        assertThat(fx.run(me, "/capstan user view").text()).contains("No bio yet");
    }

    @Test
    void aChannelOrPersonInPlaceOfACommandIsExplainedToo() {
        String me = fx.person();
        assertThat(fx.run(me, "/capstan #ops").text()).contains("I don't know `#ops`")
                .contains("type `#` and pick the channel from the list Slack offers");
    }
}
