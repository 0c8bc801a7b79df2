package dev.capstan.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.support.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Callers that wait for the writer at the same time share its next transaction, and each learns its own part's fate. */
class GroupCommitTest {
    private final Jdbi jdbi = Jdbi.create("jdbc:h2:mem:group-commit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstBatchMayCommit = new CountDownLatch(1);
    private GroupCommit<String, Integer> commits;

    @BeforeEach
    void table() {
        jdbi.useHandle(h -> h.execute("create table parts (name varchar(20) primary key)"));
        commits = new GroupCommit<>(jdbi, parts -> {
            if (batchSizes.isEmpty()) await(firstBatchMayCommit);
            batchSizes.add(parts.size());
            List<Integer> lengths = new ArrayList<>();
            for (String part : parts) {
                jdbi.useHandle(h -> h.createUpdate("insert into parts (name) values (:name)").bind("name", part).execute());
                lengths.add(part.length());
            }
            return lengths;
        });
    }

    @Test
    void aCallerAloneCommitsAtOnceAndGetsItsOwnResult() {
        firstBatchMayCommit.countDown();

        assertThat(commits.commit("alone")).isEqualTo(5);
        assertThat(names()).containsExactly("alone");
        assertThat(batchSizes).containsExactly(1);
    }

    @Test
    void callersWaitingWhileATransactionCommitsShareTheNextOne() throws Exception {
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> commits.commit("first"));
        awaitWriting(first);
        List<CompletableFuture<Integer>> waiting = new ArrayList<>();
        for (String name : List.of("b", "cc", "ddd", "eeee")) waiting.add(CompletableFuture.supplyAsync(() -> commits.commit(name)));
        awaitWaiting(4);

        firstBatchMayCommit.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(5);
        List<Integer> results = new ArrayList<>();
        for (CompletableFuture<Integer> one : waiting) results.add(one.get(10, TimeUnit.SECONDS));
        assertThat(results).containsExactly(1, 2, 3, 4);
        assertThat(batchSizes).containsExactly(1, 4);
        assertThat(names()).containsExactlyInAnyOrder("first", "b", "cc", "ddd", "eeee");
    }

    @Test
    void aPartThatCannotBeWrittenFailsAloneWhileTheOthersInItsBatchCommit() throws Exception {
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> commits.commit("first"));
        awaitWriting(first);
        CompletableFuture<Integer> fine = CompletableFuture.supplyAsync(() -> commits.commit("fine"));
        awaitWaiting(1);
        CompletableFuture<Integer> again = CompletableFuture.supplyAsync(() -> commits.commit("first"));
        awaitWaiting(2);

        firstBatchMayCommit.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(5);
        assertThat(fine.get(10, TimeUnit.SECONDS)).isEqualTo(4);
        assertThatThrownBy(() -> again.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("Could not commit");
        assertThat(names()).containsExactlyInAnyOrder("first", "fine");
        assertThat(batchSizes).containsExactly(1, 2, 1, 1);
    }

    private List<String> names() {
        return jdbi.withHandle(h -> h.createQuery("select name from parts").mapTo(String.class).list());
    }

    /** Until the first caller holds the writer (its batch is being written, so nothing is waiting). */
    private void awaitWriting(CompletableFuture<?> first) {
        Await.until(() -> commits.writing() && commits.waiting() == 0, writing -> writing, Duration.ofSeconds(10), "the first caller to write");
        assertThat(first).isNotDone();
    }

    private void awaitWaiting(int count) {
        Await.until(commits::waiting, n -> n == count, Duration.ofSeconds(10), count + " callers waiting");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("The test never let the batch commit");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
