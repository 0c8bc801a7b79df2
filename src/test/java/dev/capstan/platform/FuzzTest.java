package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.features.directory.Directory;
import dev.capstan.features.timereport.TimeReport;
import dev.capstan.support.Await;
import dev.capstan.support.BothCores;
import dev.capstan.support.FakeGitHub;
import dev.capstan.support.JobRows;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * The fuzz test: a bounded, seeded run of generated texts (Unicode, control characters, NUL, lone surrogates, long
 * texts, extreme numbers and dates, Slack's escapes, quotes and dashes) over every family's commands. Each is answered
 * 200, no reply says "Something went wrong", and each has its audit row. {@code -Dfuzz.count=N -Dfuzz.seed=S} for longer
 * or other runs. It keeps both cores busy, so it never runs beside the browser test or the class that times acks ({@link BothCores}).
 */
@ResourceLock(BothCores.LOCK)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class FuzzTest {
    private static final int COUNT = Integer.getInteger("fuzz.count", 1500);
    private static final long SEED = Long.getLong("fuzz.seed", 20261130L);
    private static final String ADMIN = "UFUZZADM1";
    private static final String MEMBER = "UFUZZMEM1";
    private static final String INTERNAL_ERROR = "Something went wrong";
    private static final List<String> COMMANDS = List.of(
            "/capstan help", "/capstan whoami", "/capstan ping", "/capstan ping job", "/capstan audit", "/capstan audit --user",
            "/capstan audit --command", "/capstan audit --kind", "/capstan audit --limit", "/capstan access",
            "/capstan access check", "/capstan user add", "/capstan user view", "/capstan user view --email",
            "/capstan user view --github", "/capstan user edit --name", "/capstan user edit --email", "/capstan user edit --bio",
            "/capstan user edit --github", "/capstan user delete", "/capstan team list", "/capstan team view",
            "/capstan team create", "/capstan team add", "/capstan team remove", "/capstan team lead", "/capstan team edit",
            "/capstan team delete", "/capstan team refresh", "/capstan karma view", "/capstan karma give", "/capstan karma set",
            "/capstan export emails", "/rocket user view", "/timereport", "/timereport add", "/timereport add vab",
            "/timereport edit sjuk", "/timereport delete", "/timereport list", "/timereport lock", "/timereport lock list",
            "/timereport unlock", "/timereport export", "/timereport token create", "/timereport token list",
            "/timereport token revoke", "/capstan timereport list", "/capstan");
    private static final List<String> PIECES = List.of(
            "", " ", "\u0000", "a\u0000b", "\u0007", "\t", "\n", "\r\n", "\u202e", "\ufeff", "\ud800", "\udfff", "\ud83d\ude00",
            "é", "日本語", "Z\u0351\u0352\u0353", "\"", "'", "\"unbalanced", "'it''s'", "“smart”", "—name", "--", "-", "--help",
            "-h", "--user", "--limit", "--all", "--force", "-f", "<@U12345678>", "<@U12345678|bob>", "<@W0ABCDEF12>", "<#C123|general>",
            "<mailto:a@b.c|a@b.c>", "<!channel>", "<https://example.com|x>", "today", "yesterday", "2024-01", "2024-02-30",
            "+999999999-12-31", "-999999999-01-01", "0000-00-00", "9999-12-31", "1900-01-01", "2024-01-01:2024-12-31",
            "2024-12-31:2024-01-01", "0", "-1", "8", "24", "24.5", "1e309", "NaN", "99999999999999999999", "-2147483648",
            "0x1F", "vab", "sjuk", "semester", "t1", "team-" + "x".repeat(120), "%s%n", "${jndi:ldap://x}", "'; drop table people; --",
            "\\", "\\u0000", "@here", "@/", "@/etc/hostname", "***", "`code`", "admin", "member", "team_lead");

    @Parameter
    TestDatabases.Kind database;
    TestApp app;
    FakeGitHub github;

    @BeforeParameterizedClassInvocation
    void start() {
        github = new FakeGitHub();
        app = TestApp.on(database).admins(ADMIN).feature(new Directory()).feature(new TimeReport())
                .env("GITHUB_API_URL", github.url()).env("GITHUB_APP_ID", FakeGitHub.APP_ID)
                .env("GITHUB_APP_PRIVATE_KEY", github.privateKeyPem()).env("GITHUB_ORG", FakeGitHub.ORG).start();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        app.closeAll();
        github.close();
    }

    @Test
    void generatedTextsOverEveryFamilyAreAllAnsweredNeverWithAnInternalErrorAndAllAudited() throws Exception {
        Random random = new Random(SEED);
        List<String> responseUrls = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            String line = COMMANDS.get(random.nextInt(COMMANDS.size())) + " " + words(random);
            String user = random.nextInt(4) == 0 ? ADMIN : MEMBER;
            SlashReply reply = app.as(user).run(line);
            responseUrls.add(reply.responseUrl());
            if (reply.status() != 200 || reply.body().contains(INTERNAL_ERROR)) {
                failures.add(reply.status() + " for " + printable(line) + ": " + reply.body());
            }
        }
        Await.until(() -> JobRows.count(app.databaseUrl(), "slow-command") + JobRows.count(app.databaseUrl(), "deliver-reply"),
                n -> n == 0, Duration.ofSeconds(90), "every queued command and reply to be done");
        for (String url : responseUrls) {
            app.slack().posts(url).stream().filter(p -> p.allText().contains(INTERNAL_ERROR))
                    .forEach(p -> failures.add("late reply: " + p.allText()));
        }
        assertThat(failures).as("requests answered with an error").isEmpty();
        assertThat(auditedCommands()).as("audit rows of the fuzzed commands").isEqualTo(COUNT);
    }

    private int auditedCommands() {
        return Await.until(() -> {
            try (Connection c = DriverManager.getConnection(app.databaseUrl());
                 ResultSet rs = c.createStatement().executeQuery("select count(*) from audit_log where kind = 'command' "
                         + "and user_id in ('" + ADMIN + "', '" + MEMBER + "')")) {
                rs.next();
                return rs.getInt(1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, n -> n >= COUNT, Duration.ofSeconds(10), "every command's audit row");
    }

    private static String words(Random random) {
        StringBuilder text = new StringBuilder();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            if (i > 0) text.append(' ');
            int kind = random.nextInt(10);
            if (kind < 6) text.append(PIECES.get(random.nextInt(PIECES.size())));
            else if (kind < 9) text.append(randomString(random, 1 + random.nextInt(30)));
            else text.append(randomString(random, random.nextInt(3) == 0 ? 40_000 : 300));
        }
        return text.toString();
    }

    private static String randomString(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            if (pick < 5) s.append((char) (' ' + random.nextInt(95)));
            else if (pick < 7) s.append((char) random.nextInt(0x20));
            else if (pick < 9) s.appendCodePoint(0xA0 + random.nextInt(0x2000));
            else s.appendCodePoint(0x1F300 + random.nextInt(0x300));
        }
        return s.toString();
    }

    private static String printable(String line) {
        String shown = line.length() > 200 ? line.substring(0, 200) + "…" : line;
        StringBuilder out = new StringBuilder();
        shown.chars().forEach(c -> out.append(c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
