package dev.capstan.command;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** One thing that happened, as the audit log keeps it: a command, a click, a submission, an event, a webhook, a job or an outbound call. */
public record AuditEntry(
        long id,
        Instant at,
        String userId,
        String channelId,
        String rawText,
        String command,
        String decision,
        String outcome,
        long durationMs,
        String jobId,
        Kind kind) {

    /** What kind of thing the entry records; {@code audit --kind} filters on it. */
    public enum Kind {
        COMMAND, CLICK, SUBMISSION, EVENT, WEBHOOK, JOB, HTTP;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> parse(String text) {
            for (Kind kind : values()) {
                if (kind.label().equalsIgnoreCase(text == null ? "" : text.trim())) return Optional.of(kind);
            }
            return Optional.empty();
        }
    }

    public AuditEntry {
        kind = kind == null ? Kind.COMMAND : kind;
    }

    /** A slash command's entry. */
    public AuditEntry(long id, Instant at, String userId, String channelId, String rawText, String command, String decision,
                      String outcome, long durationMs, String jobId) {
        this(id, at, userId, channelId, rawText, command, decision, outcome, durationMs, jobId, Kind.COMMAND);
    }

    /** The outcome of a slow command's entry until its job completes it. */
    public static final String QUEUED = "queued";

    /**
     * The first word of an outcome, lower-case and without a trailing colon ("refused" of "refused by `qa` lock: …",
     * "invalid" of "invalid: …"): what {@code audit --outcome} matches.
     */
    public static String outcomeWord(String outcome) {
        if (outcome == null) return null;
        int space = outcome.indexOf(' ');
        String word = (space < 0 ? outcome : outcome.substring(0, space)).toLowerCase(Locale.ROOT);
        if (word.length() > 32) word = word.substring(0, 32);
        return word.endsWith(":") ? word.substring(0, word.length() - 1) : word;
    }

    /** A new entry of any kind (its id is given by the log). */
    public static AuditEntry of(Kind kind, Instant at, String userId, String channelId, String rawText, String command,
                                String decision, String outcome, long durationMs, String jobId) {
        return new AuditEntry(0, at, userId, channelId, rawText, command, decision, outcome, durationMs, jobId, kind);
    }
}
