package dev.capstan.features.flush;

import dev.capstan.http.HttpAnswer;
import dev.capstan.http.HttpCall;
import dev.capstan.http.OutboundClient;
import dev.capstan.jobs.JobHandler;
import dev.capstan.jobs.JobResult;
import dev.capstan.jobs.JobRun;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The allow-list CSV at an {@code https://} address (blob storage, as the seed kept it), fetched at start and then on an
 * interval by a durable job with {@code If-None-Match}; the last good list and its ETag are kept in the database, so every
 * replica sees the same one and a restart starts from it. A bad fetch (no answer, an error status, an empty body, a bad
 * line) is logged and audited and changes nothing.
 */
final class FetchedAllowList implements AllowList, JobHandler<FetchedAllowList.Fetch> {
    static final String JOB = "flush.allowed-users";
    static final String JOB_ID = "allowed-users";

    /** The next fetch (the address comes from the configuration, not from here). */
    record Fetch() { }

    private record Stored(Set<String> ids, String etag) { }

    private final String source;
    private final String url;
    private final OutboundClient http;
    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration every;
    private final AllowListTrouble trouble;

    /** {@code source} is the address as configured (secrets unresolved): what logs and the audit show; {@code url} is fetched. */
    FetchedAllowList(String source, String url, OutboundClient http, Jdbi jdbi, Clock clock, Duration every, AllowListTrouble trouble) {
        this.source = source;
        this.url = url;
        this.http = http;
        this.jdbi = jdbi;
        this.clock = clock;
        this.every = every;
        this.trouble = trouble;
    }

    Duration every() {
        return every;
    }

    @Override
    public boolean contains(String userId) {
        return stored().map(s -> s.ids().contains(userId)).orElse(false);
    }

    @Override
    public JobResult<Fetch> run(JobRun<Fetch> run) {
        fetch();
        return JobResult.again(every, new Fetch());
    }

    /** Fetches the list once; whatever goes wrong is logged and audited, and the list kept stays. */
    void fetch() {
        Optional<Stored> stored = stored();
        int kept = stored.map(s -> s.ids().size()).orElse(0);
        HttpCall call = HttpCall.get(url).header("Accept", "text/csv, text/plain, */*");
        if (stored.isPresent() && stored.get().etag() != null) call = call.header("If-None-Match", stored.get().etag());
        HttpAnswer answer;
        try {
            answer = http.send(call);
        } catch (RuntimeException e) {
            trouble.refused(source, "no answer (" + e.getMessage() + ")", kept);
            return;
        }
        if (answer.status() == 304 && stored.isPresent()) {
            jdbi.useHandle(h -> h.createUpdate("update flush_allow_lists set checked_at = :at where source = :source")
                    .bind("at", Timestamp.from(clock.instant())).bind("source", source).execute());
            return;
        }
        if (answer.status() != 200) {
            trouble.refused(source, "it answered " + answer.status() + answer.excerpt(), kept);
            return;
        }
        AllowedUsers fetched;
        try {
            fetched = AllowedUsers.parse(Arrays.asList(answer.body().split("\r?\n", -1)), source);
        } catch (IllegalArgumentException e) {
            trouble.refused(source, e.getMessage(), kept);
            return;
        }
        store(fetched.ids(), answer.header("ETag"));
        if (stored.isEmpty() || !stored.get().ids().equals(fetched.ids())) trouble.taken(source, fetched.ids().size());
    }

    private void store(Set<String> ids, String etag) {
        Timestamp now = Timestamp.from(clock.instant());
        String joined = String.join(",", ids.stream().sorted().toList());
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("""
                            update flush_allow_lists set member_ids = :ids, etag = :etag, fetched_at = :at, checked_at = :at
                            where source = :source""")
                    .bind("ids", joined).bind("etag", etag).bind("at", now).bind("source", source).execute();
            if (updated == 0) {
                h.createUpdate("""
                                insert into flush_allow_lists (source, member_ids, etag, fetched_at, checked_at)
                                values (:source, :ids, :etag, :at, :at) on conflict do nothing""")
                        .bind("ids", joined).bind("etag", etag).bind("at", now).bind("source", source).execute();
            }
        });
    }

    private Optional<Stored> stored() {
        return jdbi.withHandle(h -> h.createQuery("select member_ids, etag from flush_allow_lists where source = :source")
                .bind("source", source).map((rs, ctx) -> {
                    String ids = rs.getString("member_ids");
                    return new Stored(ids.isEmpty() ? Set.of() : Set.copyOf(List.of(ids.split(","))), rs.getString("etag"));
                }).findOne());
    }
}
