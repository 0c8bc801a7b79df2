package dev.capstan.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** One statement over job rows that may sit in either job table: one batch a table, a count a row in the rows' order. */
final class TableBatches {
    private TableBatches() {
    }

    static <R> int[] counts(Handle h, List<R> rows, Function<R, JobScope.Row> rowOf, Function<String, String> sqlFor,
                            BiFunction<PreparedBatch, R, PreparedBatch> bind) {
        int[] counts = new int[rows.size()];
        for (String table : rows.stream().map(r -> rowOf.apply(r).table()).distinct().toList()) {
            PreparedBatch batch = h.prepareBatch(sqlFor.apply(table));
            List<Integer> places = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (!rowOf.apply(rows.get(i)).table().equals(table)) continue;
                bind.apply(batch, rows.get(i)).add();
                places.add(i);
            }
            int[] written = batch.execute();
            for (int j = 0; j < written.length; j++) counts[places.get(j)] = written[j];
        }
        return counts;
    }
}
