package dev.capstan.command.builtin;

import dev.capstan.command.AuditEntry;
import dev.capstan.command.AuditLog;
import dev.capstan.command.AuditQuery;
import dev.capstan.command.DidYouMean;
import dev.capstan.command.Block;
import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.SlackIds;
import dev.capstan.command.UserError;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", description = "Show the latest entries of the audit log, newest first.")
@CommandInfo(role = Role.ADMIN)
final class Audit implements CapstanCommand {
    private static final Pattern OUTCOME_WORD = Pattern.compile("[\\p{L}\\p{N}_-]{1,32}");
    private static final Pattern COMMAND_NAME = Pattern.compile("[\\p{L}\\p{N}._ -]{1,200}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private final AuditLog audit;

    @Option(names = "--user", paramLabel = "U", description = "Only this user's invocations.")
    String user;

    @Option(names = "--command", paramLabel = "NAME", description = "Only this command or family, e.g. \"timereport add\".")
    String command;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "Only this kind: command, click, submission, event, webhook, job or http.")
    String kind;

    @Option(names = "--outcome", paramLabel = "WORD",
            description = "Only outcomes beginning with this word: refused (by a rule), denied (by access), invalid, error, ok, …")
    String outcome;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many (1–100, default ${DEFAULT-VALUE}).")
    int limit;

    Audit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public Reply run(CommandContext context) {
        if (limit < 1 || limit > 100) throw new UserError("`--limit` must be between 1 and 100, not " + limit + ".");
        if (user != null && !SlackIds.isUser(user)) {
            throw new UserError("`--user` takes a Slack user: mention them (`@name`) or give their id (U… or W…), not `"
                    + visible(user) + "`.");
        }
        if (command != null && !COMMAND_NAME.matcher(command).matches()) {
            throw new UserError("`--command` takes a command or family name such as `timereport add`: letters, digits, "
                    + "`.`, `_`, `-` and spaces, at most 200 characters; `" + visible(command) + "` is not one.");
        }
        AuditEntry.Kind wanted = null;
        if (kind != null) {
            wanted = AuditEntry.Kind.parse(kind).orElseThrow(() -> new UserError("`--kind` is one of "
                    + String.join(", ", Arrays.stream(AuditEntry.Kind.values()).map(k -> "`" + k.label() + "`").toList())
                    + ", not `" + visible(kind) + "`." + DidYouMean.sentence(kind,
                    Arrays.stream(AuditEntry.Kind.values()).map(AuditEntry.Kind::label).toList())));
        }
        if (outcome != null && !OUTCOME_WORD.matcher(outcome.trim()).matches()) {
            throw new UserError("`--outcome` takes one word such as `refused`, `denied`, `invalid`, `error` or `ok`, not `"
                    + visible(outcome) + "`.");
        }
        String name = command == null ? null : command.trim().replaceAll("\\s+", " ").toLowerCase();
        String word = outcome == null ? null : AuditEntry.outcomeWord(outcome.trim());
        List<AuditEntry> entries = audit.latest(new AuditQuery(user, name, wanted, word, limit));
        if (entries.isEmpty()) return Reply.text("No entries match.");
        List<String> lines = new ArrayList<>();
        for (AuditEntry e : entries) {
            String job = e.jobId() == null ? "" : " · job `" + e.jobId().substring(0, Math.min(8, e.jobId().length())) + "`";
            String who = e.userId() == null ? "" : " <@" + e.userId() + ">";
            String what = e.kind() == AuditEntry.Kind.COMMAND ? "" : " " + e.kind().label();
            lines.add("`" + TIME.format(e.at()) + "`" + what + who + " `" + e.rawText() + "` → "
                    + e.decision() + " · " + e.outcome() + " · " + e.durationMs() + " ms" + job);
        }
        String text = "*Latest " + entries.size() + " entries*\n" + String.join("\n", lines);
        return Reply.blocks(text, List.of(new Block.Section(text)));
    }

    /** The value as it can be shown: control characters written as their escapes, and at most 100 characters. */
    private static String visible(String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(100).forEach(c -> shown.append(Character.isISOControl(c)
                ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return shown + (value.codePointCount(0, value.length()) > 100 ? "…" : "");
    }
}
