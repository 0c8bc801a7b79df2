package dev.capstan.features.deploy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Rendered charts in the database under an unguessable id (256 random bits), so that whichever replica Slack asks serves
 * the image without anything else to check; a chart is gone after a week.
 */
final class ChartStore {
    static final Duration KEPT = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Jdbi jdbi;
    private final Clock clock;

    ChartStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Keeps the chart and returns its id; charts older than a week are deleted on the way. */
    String save(byte[] png) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from deploy_stats_charts where created_at < :old").bind("old", now.minus(KEPT)).execute();
            h.createUpdate("insert into deploy_stats_charts (id, png, created_at) values (:id, :png, :at)")
                    .bind("id", id).bind("png", Base64.getEncoder().encodeToString(png)).bind("at", now).execute();
        });
        return id;
    }

    /** The chart with this id, unless it is unknown or older than a week. */
    Optional<byte[]> find(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{43}")) return Optional.empty();
        OffsetDateTime old = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minus(KEPT);
        return jdbi.withHandle(h -> h.createQuery("select png from deploy_stats_charts where id = :id and created_at >= :old")
                .bind("id", id).bind("old", old).mapTo(String.class).findOne()).map(Base64.getDecoder()::decode);
    }
}
