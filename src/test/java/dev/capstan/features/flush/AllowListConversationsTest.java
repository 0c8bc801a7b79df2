package dev.capstan.features.flush;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.Await;
import dev.capstan.support.FakeBlobStore;
import dev.capstan.support.FakeCdn;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * The allow-list changes without a restart: the CSV file is read again when it changes, and an https:// list (blob
 * storage, as the seed kept it) is fetched on an interval by a durable job with If-None-Match, driven here by the
 * test clock. A bad version (a bad
 * line, an empty body, an error) is logged and audited, and the last good list stays.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class AllowListConversationsTest {
    private static final String ADMIN = "UADA00001";
    private static final String OPENED = "Opened the cache flush form";
    /** allowed_users_every of the https list: the fetches come when the test moves the app's clock this far. */
    private static final Duration EVERY = Duration.ofMinutes(5);
    private static final String SITES = """
                sites:
                  play: { provider: fake, hosts: [example.org] }
            """;

    @Parameter
    TestDatabases.Kind database;
    Path folder;
    Path csv;
    FakeBlobStore blobs;
    TestApp withFile;
    TestApp withBlob;

    @BeforeParameterizedClassInvocation
    void start() throws IOException {
        folder = Files.createTempDirectory("capstan-allow-list");
        csv = folder.resolve("allowed-users.csv");
        Files.writeString(csv, "member_id,name\nUFILE0001,First Person\n");
        Path config = folder.resolve("capstan.yaml");
        Files.writeString(config, "families:\n  flush:\n    allowed_users_csv: allowed-users.csv\n" + SITES);
        withFile = TestApp.on(database).admins(ADMIN).env("CAPSTAN_CONFIG", config.toString()).feature(new Flush()).start();

        blobs = new FakeBlobStore().put("member_id,name\nUBLOB0001,Blob Person\n");
        withBlob = TestApp.on(database).admins(ADMIN).env("ALLOWED_USERS_SAS", FakeBlobStore.SAS).feature(new Flush())
                .yaml("families:\n  flush:\n    allowed_users_csv: \"" + blobs.urlWithSecret("ALLOWED_USERS_SAS") + "\"\n"
                        + "    allowed_users_every: 5m\n" + SITES).start();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        withFile.closeAll();
        withBlob.closeAll();
        blobs.close();
    }

    private static String flush(TestApp app, String user) {
        return app.as(user).run("/flush").text();
    }

    private void write(String content) {
        try {
            Files.writeString(csv, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String audit(TestApp app) {
        return app.as(ADMIN).run("/capstan audit --kind job --limit 50").text();
    }

    @Test
    void aChangedFileIsReadAgainAtTheNextCommandWithoutARestart() {
        write("member_id,name\nUFILE0001,First Person\n");
        assertThat(flush(withFile, "UFILE0001")).contains(OPENED);
        assertThat(flush(withFile, "UFILE0002")).doesNotContain(OPENED);

        write("member_id,name\nUFILE0002,Second Person\nUFILE0003,Third Person\n");

        assertThat(flush(withFile, "UFILE0002")).contains(OPENED);
        assertThat(flush(withFile, "UFILE0001")).doesNotContain(OPENED);
    }

    @Test
    void aChangedFileWithABadLineOrNothingInItIsRefusedAuditedAndTheLastGoodListStays() {
        write("member_id,name\nUFILE0004,Fourth Person\n");
        assertThat(flush(withFile, "UFILE0004")).contains(OPENED);

        write("member_id,name\nUFILE0004,Fourth Person\nnot-an-id,Someone\n");
        assertThat(flush(withFile, "UFILE0004")).contains(OPENED);
        assertThat(audit(withFile)).contains("refused").contains("line 3 of allowed-users.csv starts with `not-an-id`")
                .contains("kept the last good list (1 person)");

        write("\n\n");
        assertThat(flush(withFile, "UFILE0004")).contains(OPENED);
        assertThat(audit(withFile)).contains("allowed-users.csv is empty");
    }

    /** Moves the app's clock on by the list's interval and runs the fetch then due, as the durable job would. */
    private void nextFetch() {
        withBlob.clock().advance(EVERY);
        withBlob.runDueJobs();
    }

    /** The audit is written in batches: waits until it shows what {@code wanted} accepts. */
    private String auditShows(Predicate<String> wanted, String what) {
        return Await.until(() -> audit(withBlob), wanted, Duration.ofSeconds(15), what);
    }

    @Test
    void anHttpsListIsFetchedAtStartThenOnAnIntervalWithItsEtagAndAChangeTakesEffectWithoutARestart() {
        assertThat(blobs.received()).first().satisfies(atStart -> assertThat(atStart.header("If-None-Match")).isNull());
        blobs.put("member_id,name\nUBLOB0001,Blob Person\n");
        nextFetch();
        assertThat(flush(withBlob, "UBLOB0001")).contains(OPENED);
        String first = blobs.etag();
        nextFetch();
        FakeCdn.Received again = blobs.received().get(blobs.received().size() - 1);
        assertThat(again.header("If-None-Match")).isEqualTo(first);
        assertThat(again.path()).isEqualTo(FakeBlobStore.PATH + "?sig=" + FakeBlobStore.SAS);

        blobs.put("member_id,name\nUBLOB0002,Another Person\n");
        withBlob.clock().advance(EVERY.minusSeconds(1));
        withBlob.runDueJobs();
        assertThat(flush(withBlob, "UBLOB0002")).as("a moment before the next fetch").doesNotContain(OPENED);

        withBlob.clock().advance(Duration.ofSeconds(1));
        withBlob.runDueJobs();
        assertThat(flush(withBlob, "UBLOB0002")).contains(OPENED);
        assertThat(flush(withBlob, "UBLOB0001")).doesNotContain(OPENED);
        assertThat(audit(withBlob)).doesNotContain(FakeBlobStore.SAS);
    }

    @Test
    void aBadFetchIsLoggedAndAuditedAndNeverEmptiesTheList() {
        blobs.put("member_id,name\nUBLOB0003,Kept Person\n");
        nextFetch();
        assertThat(flush(withBlob, "UBLOB0003")).contains(OPENED);

        blobs.put("");
        nextFetch();
        auditShows(text -> text.contains("is empty (to allow nobody"), "an audited empty fetch");
        assertThat(flush(withBlob, "UBLOB0003")).contains(OPENED);

        blobs.scriptNext(FakeCdn.Answer.json(500, "{\"code\":\"InternalError\"}"));
        blobs.put("member_id,name\nUBLOB0003,Kept Person\nnot-an-id\n");
        nextFetch();
        auditShows(text -> text.contains("it answered 500"), "an audited error");
        nextFetch();
        auditShows(text -> text.contains("not-an-id"), "an audited bad line");
        assertThat(flush(withBlob, "UBLOB0003")).contains(OPENED);
        assertThat(audit(withBlob)).contains("kept the last good list (1 person)").doesNotContain(FakeBlobStore.SAS);
    }
}
