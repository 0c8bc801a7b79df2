package dev.capstan.bench;

import dev.capstan.features.deploy.Deploy;
import dev.capstan.jobs.JobSettings;
import dev.capstan.security.Hmac;
import dev.capstan.support.FakeGitHub;
import dev.capstan.support.FakeGitHubRepos;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency from a signed GitHub {@code deployment_status} webhook to the {@code chat.update} that shows it at the fake
 * Slack, at a fixed rate (open loop), on PostgreSQL. Deployments are first adopted from {@code deployment} webhooks (one
 * message each); then each gets queued, in_progress and success. Run with bench/deploy-status.sh; see docs/benchmarks.md.
 * Arguments: rate per second (50), warm-up seconds (20), measured seconds (60).
 */
public final class DeploymentStatusBenchmark {
    private static final Pattern HEADLINE = Pattern.compile("to `(bench-\\d+)` (queued|in progress|succeeded)$");
    private static final String SECRET = "bench-github-secret";
    private static final String[] STATES = {"queued", "in_progress", "success"};
    private static final String[] LABELS = {"queued", "in progress", "succeeded"};

    private DeploymentStatusBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int measured = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int total = rate * (warmup + measured);
        int deployments = (total + 2) / 3;
        FakeGitHub github = new FakeGitHub();
        github.extend(new FakeGitHubRepos().repository("acme/web"));
        TestApp app = TestApp.on(TestDatabases.Kind.POSTGRES).feature(new Deploy()).jobs(JobSettings.defaults())
                .env("GITHUB_API_URL", github.url()).env("GITHUB_APP_ID", FakeGitHub.APP_ID).env("GITHUB_APP_PRIVATE_KEY", github.privateKeyPem())
                .env("GITHUB_ORG", FakeGitHub.ORG).env("GITHUB_WEBHOOK_SECRET", SECRET).start();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> latency = new ConcurrentHashMap<>();
        app.slack().onCall(call -> {
            if (!call.method().equals("chat.update") || call.arg("text") == null) return;
            Matcher m = HEADLINE.matcher(call.arg("text"));
            if (!m.find()) return;
            Long sent = sentAt.get(m.group(1) + " " + m.group(2));
            if (sent != null) latency.putIfAbsent(m.group(1) + " " + m.group(2), System.nanoTime() - sent);
        });
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String url = app.baseUrl() + "/github/webhook";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(app.databaseUrl())) {
            c.createStatement().execute("insert into deploy_channels (channel_id, repository, repository_key, created_by, created_at) "
                    + "values ('CBENCH001', 'acme/web', 'acme/web', 'ULEAD0001', now())");
        }
        System.out.printf("adopting %d deployments…%n", deployments);
        for (int i = 0; i < deployments; i++) {
            String body = "{\"action\":\"created\",\"deployment\":{\"id\":" + (100_000 + i) + ",\"sha\":\"abc1234def\",\"ref\":\"main\","
                    + "\"environment\":\"bench-" + i + "\",\"creator\":{\"login\":\"octocat\"},\"payload\":{}},\"repository\":{\"full_name\":\"acme/web\"}}";
            int status = send(http, url, "deployment", "adopt-" + i, body).get().statusCode();
            if (status != 200) throw new IllegalStateException("adoption answered " + status);
        }
        long posted;
        while ((posted = app.slack().calls("chat.postMessage").size()) < deployments) {
            System.out.printf("  %d of %d messages posted%n", posted, deployments);
            Thread.sleep(1000);
        }
        System.out.printf("load: %d webhooks/s, %d s warm-up, %d s measured, %d webhooks%n", rate, warmup, measured, total);
        AtomicInteger errors = new AtomicInteger();
        List<String> measuredKeys = new ArrayList<>();
        long start = System.nanoTime();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        for (int n = 0; n < total; n++) {
            long due = start + n * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            int deployment = n % deployments;
            int step = n / deployments;
            String key = "bench-" + deployment + " " + LABELS[step];
            if (n >= rate * warmup) measuredKeys.add(key);
            String body = "{\"action\":\"created\",\"deployment_status\":{\"state\":\"" + STATES[step] + "\",\"description\":\"bench\"},"
                    + "\"deployment\":{\"id\":" + (100_000 + deployment) + ",\"payload\":{}},\"repository\":{\"full_name\":\"acme/web\"}}";
            sentAt.put(key, System.nanoTime());
            send(http, url, "deployment_status", "status-" + n, body).whenComplete((r, e) -> {
                if (e != null || r.statusCode() != 200) errors.incrementAndGet();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (measuredKeys.stream().anyMatch(k -> !latency.containsKey(k)) && System.nanoTime() < deadline) Thread.sleep(200);
        double[] ms = measuredKeys.stream().filter(latency::containsKey).mapToDouble(k -> latency.get(k) / 1e6).sorted().toArray();
        System.out.printf("measured %d, updated %d, missing %d, webhook errors %d%n", measuredKeys.size(), ms.length,
                measuredKeys.size() - ms.length, errors.get());
        System.out.printf("webhook -> chat.update: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, mean %.1f ms%n",
                percentile(ms, 50), percentile(ms, 90), percentile(ms, 99), ms[ms.length - 1], Arrays.stream(ms).average().orElse(0));
        app.closeAll();
        github.close();
        System.exit(0);
    }

    private static java.util.concurrent.CompletableFuture<HttpResponse<String>> send(HttpClient http, String url, String event, String delivery, String body) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-GitHub-Event", event).header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
