package dev.capstan.support;

import dev.capstan.app.Capstan;
import dev.capstan.app.Config;
import dev.capstan.platform.Feature;
import dev.capstan.jobs.JobSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A real Capstan (HTTP server, database, jobs) on a random port, talking to a {@link FakeSlack}. */
public final class TestApp implements AutoCloseable {
    public static final String SIGNING_SECRET = "test-signing-secret";
    public static final JobSettings FAST_JOBS = new JobSettings(Duration.ofMillis(100), Duration.ofSeconds(1), 4, 4, 3,
            Duration.ofMillis(200));

    private final FakeSlack slack;
    private final Capstan capstan;
    private final TestClock clock;
    private final String databaseUrl;

    private TestApp(FakeSlack slack, Capstan capstan, TestClock clock, String databaseUrl) {
        this.slack = slack;
        this.capstan = capstan;
        this.clock = clock;
        this.databaseUrl = databaseUrl;
    }

    /** An app on a fresh database of that kind, created when the app starts unless {@link Builder#database} names one. */
    public static Builder on(TestDatabases.Kind kind) {
        return new Builder(kind);
    }

    /** Configures a test app: environment, YAML, families, clock. */
    public static final class Builder {
        private final Map<String, String> env = new HashMap<>();
        private final List<Feature> features = new ArrayList<>();
        private String yaml = "";
        private TestClock clock = TestClock.systemNow();
        private FakeSlack slack;
        private JobSettings jobs = FAST_JOBS;
        private int port;
        private final TestDatabases.Kind kind;

        private Builder(TestDatabases.Kind kind) {
            this.kind = kind;
            env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
            env.put("SLACK_BOT_TOKEN", "xoxb-test-token");
            env.put("PORT", "0");
        }

        public Builder admins(String... ids) {
            env.put("CAPSTAN_ADMINS", String.join(",", ids));
            return this;
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Builder yaml(String yaml) {
            this.yaml = yaml;
            return this;
        }

        public Builder feature(Feature feature) {
            features.add(feature);
            return this;
        }

        public Builder clock(TestClock clock) {
            this.clock = clock;
            return this;
        }

        /** Shares one fake Slack between several app instances (replicas). */
        public Builder slack(FakeSlack slack) {
            this.slack = slack;
            return this;
        }

        public Builder jobs(JobSettings jobs) {
            this.jobs = jobs;
            return this;
        }

        /** Listens on this port instead of a free one the system picks. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Same database as another app: a second replica. */
        public Builder database(String url) {
            env.put("DATABASE_URL", url);
            return this;
        }

        public TestApp start() {
            FakeSlack fake = slack != null ? slack : new FakeSlack();
            env.put("SLACK_API_URL", fake.apiUrl());
            env.putIfAbsent("DATABASE_URL", TestDatabases.freshUrl(kind));
            if (!yaml.isBlank()) env.put("CAPSTAN_CONFIG", yamlFile(yaml));
            Capstan capstan = new Capstan(Config.read(env), env, features, clock, jobs).start(port);
            return new TestApp(fake, capstan, clock, env.get("DATABASE_URL"));
        }
    }

    private static String yamlFile(String yaml) {
        try {
            Path file = Files.createTempFile("capstan-test", ".yaml");
            file.toFile().deleteOnExit();
            Files.writeString(file, yaml);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SlackUser as(String userId) {
        return new SlackUser(this, userId, "CGENERAL");
    }

    public FakeSlack slack() {
        return slack;
    }

    public TestClock clock() {
        return clock;
    }

    public Capstan capstan() {
        return capstan;
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + capstan.port();
    }

    /** Runs every job due by the app's clock (deadlines, cron schedules) and returns once they finished: call it after moving the clock. */
    public void runDueJobs() {
        capstan.runDueJobs();
    }

    /** Waits until no job to do soon is queued or running: the work a request left behind, its retries included, has ended. */
    public void awaitJobsDone() {
        Await.until(() -> capstan.database().jdbi().withHandle(h -> h.createQuery("select count(*) from scheduled_tasks")
                .mapTo(Integer.class).one()), n -> n == 0, Duration.ofSeconds(60), "every queued job to end");
    }

    /** Posts a body signed as Slack would sign it now (by the app's clock). */
    public SlashReply signedPost(String path, String body, String contentType, Map<String, String> headers, String responseUrl) {
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> all = new HashMap<>(headers);
        all.putIfAbsent("X-Slack-Request-Timestamp", Long.toString(timestamp));
        all.putIfAbsent("X-Slack-Signature", SlackUser.sign(SIGNING_SECRET, timestamp, body));
        return SlackUser.send(baseUrl() + path, body, contentType, all, responseUrl);
    }

    /** Posts without Slack's signature headers (or with whatever headers the test gives). */
    public SlashReply rawPost(String path, String body, String contentType, Map<String, String> headers) {
        return SlackUser.send(baseUrl() + path, body, contentType, headers, null);
    }

    @Override
    public void close() {
        capstan.close();
    }

    /** Closes the app and its fake Slack. */
    public void closeAll() {
        capstan.close();
        slack.close();
    }
}
