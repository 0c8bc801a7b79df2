package dev.capstan.features.directory;

import static dev.capstan.features.directory.DirectoryFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.FakeSlack;
import dev.capstan.support.SlashReply;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Test;

/** `export emails` of a directory too big for one Slack message: the ack and the response_url posts hold every address. */
class DirectoryExportTest extends DirectoryConversation {
    private static final int PEOPLE = 7000;

    @Test
    void anExportLongerThanOneMessageContinuesInMoreMessagesAndNothingIsCut() {
        fx.app.capstan().database().jdbi().useHandle(h -> {
            PreparedBatch batch = h.prepareBatch("insert into directory_profiles (user_id, email, created_at) values (:id, :email, current_timestamp)");
            for (int i = 0; i < PEOPLE; i++) {
                batch.bind("id", "UMANY" + String.format("%05d", i)).bind("email", "member.number." + i + "@many.example.com").add();
            }
            batch.execute();
        });
        SlashReply ack = fx.run(ADMIN, "/capstan export emails");
        assertThat(ack.json().path("blocks").size()).isEqualTo(50);
        List<FakeSlack.HookPost> more = fx.app.slack().awaitPosts(ack.responseUrl(), 1);
        String everything = ack.text() + "\n" + more.stream().map(FakeSlack.HookPost::allText).collect(Collectors.joining("\n"));
        assertThat(more.get(0).text()).endsWith("(continued)");
        assertThat(everything).contains(PEOPLE + " email addresses in the directory").doesNotContain(":scissors:");
        Set<Integer> listed = Pattern.compile("member\\.number\\.(\\d+)@many\\.example\\.com\n").matcher(everything).results()
                .map(address -> Integer.valueOf(address.group(1))).collect(Collectors.toSet());
        assertThat(listed).as("every address, each whole at the end of a line")
                .isEqualTo(IntStream.range(0, PEOPLE).boxed().collect(Collectors.toSet()));
    }
}
