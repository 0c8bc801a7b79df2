package dev.capstan.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Bearer tokens for a family's REST API: shown once at creation, stored only as a SHA-256 hash in the family's own table
 * (name, token_hash, created_by, created_at), compared in constant time.
 */
public final class ApiTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Jdbi jdbi;
    private final Clock clock;
    private final String table;
    private final String prefix;

    /** A token as listed: its name, who made it and when; never the secret. */
    public record TokenInfo(String name, String createdBy, Instant createdAt) { }

    /** {@code table}: the family's token table (a fixed name from code); {@code prefix}: how its secrets begin ("ctr_"). */
    public ApiTokens(Jdbi jdbi, Clock clock, String table, String prefix) {
        if (!table.matches("[a-z_]+")) throw new IllegalArgumentException("not a table name: " + table);
        this.jdbi = jdbi;
        this.clock = clock;
        this.table = table;
        this.prefix = prefix;
    }

    /** Creates a token and returns its secret, the only time it exists outside the caller's hands; empty if the name is taken. */
    public Optional<String> create(String name, String createdBy) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        boolean created = jdbi.withHandle(h -> h.createUpdate("insert into " + table + " (name, token_hash, created_by, "
                        + "created_at) values (:name, :hash, :by, :at) on conflict do nothing")
                .bind("name", name).bind("hash", hash(secret)).bind("by", createdBy).bind("at", clock.instant()).execute() == 1);
        return created ? Optional.of(secret) : Optional.empty();
    }

    public List<TokenInfo> list() {
        return jdbi.withHandle(h -> h.createQuery("select name, created_by, created_at from " + table + " order by name")
                .map((rs, ctx) -> new TokenInfo(rs.getString("name"), rs.getString("created_by"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant())).list());
    }

    /** Revokes the token; returns false if there was none of that name. */
    public boolean revoke(String name) {
        return jdbi.withHandle(h -> h.createUpdate("delete from " + table + " where name = :name").bind("name", name).execute() > 0);
    }

    /** The name of the token the secret belongs to; every stored hash is compared, in constant time. */
    public Optional<String> verify(String secret) {
        if (secret == null || secret.isBlank()) return Optional.empty();
        byte[] presented = hash(secret).getBytes(StandardCharsets.US_ASCII);
        String match = null;
        for (var row : jdbi.withHandle(h -> h.createQuery("select name, token_hash from " + table)
                .map((rs, ctx) -> new String[] {rs.getString("name"), rs.getString("token_hash")}).list())) {
            if (MessageDigest.isEqual(presented, row[1].getBytes(StandardCharsets.US_ASCII))) match = row[0];
        }
        return Optional.ofNullable(match);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
