package dev.capstan.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.security.Hmac;
import dev.capstan.support.FakeSlack;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fault test: three Capstan processes (the shaded jar) on one PostgreSQL, a slow fake Slack so that replies are
 * really in flight, a burst of slow commands, and one replica killed (SIGKILL) in the middle of it, a quarter of a second
 * after it was handed six commands of its own, so that its replies are on their way to Slack. Every acknowledged
 * command is answered; a reply reaches Slack twice only where the README says it can: its post was with Slack at the
 * kill, or Slack had answered it in the last moments before (the killed replica had not written that down yet).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaKilledMidBurstIT {
    private static final String SECRET = "fault-test-signing-secret";
    private static final int COMMANDS = Integer.getInteger("fault.commands", 90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private EmbeddedPostgres postgres;
    private FakeSlack slack;
    private final List<Process> replicas = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create database fault");
        }
        slack = new FakeSlack();
        slack.slowDown(Duration.ofMillis(400));
        String database = postgres.getJdbcUrl("postgres", "fault");
        for (int i = 0; i < 3; i++) {
            int port = freePort();
            ports.add(port);
            replicas.add(startReplica(i, port, database));
        }
        for (int port : ports) awaitReady(port);
    }

    @AfterAll
    void stop() throws Exception {
        replicas.forEach(Process::destroyForcibly);
        for (Process p : replicas) p.waitFor();
        slack.close();
        postgres.close();
    }

    @Test
    void everyAcknowledgedSlowCommandIsAnsweredAndOnlyRepliesInFlightAtTheKillMayArriveTwice() throws Exception {
        Map<String, Integer> acked = new LinkedHashMap<>();
        Set<String> inFlightAtKill = Set.of();
        for (int i = 0; i < COMMANDS; i++) {
            if (i == COMMANDS / 2) {
                for (int j = 0; j < 6; j++) {
                    String url = slack.newResponseUrl();
                    if (command(ports.get(0), "ping job", url).statusCode() == 200) acked.put(url, 0);
                }
                Thread.sleep(250);
                Instant killing = Instant.now();
                replicas.get(0).destroyForcibly().waitFor();
                Thread.sleep(300);
                inFlightAtKill = slack.inFlightBetween(killing.minusMillis(100), Instant.now());
            }
            int replica = i < COMMANDS / 2 ? i % 3 : 1 + i % 2;
            String responseUrl = slack.newResponseUrl();
            HttpResponse<String> ack = command(ports.get(replica), "ping job", responseUrl);
            if (ack.statusCode() == 200 && ack.body().contains("Working on")) acked.put(responseUrl, replica);
        }
        assertThat(acked).hasSize(COMMANDS + 6);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline) && acked.keySet().stream().anyMatch(url -> slack.posts(url).isEmpty())) {
            Thread.sleep(500);
        }
        List<String> unanswered = acked.keySet().stream().filter(url -> slack.posts(url).isEmpty()).toList();
        assertThat(unanswered).as("acknowledged commands never answered").isEmpty();
        while (Instant.now().isBefore(deadline) && jobsLeft() > 0) Thread.sleep(500);
        assertThat(jobsLeft()).as("jobs the killed replica left, taken over by the live ones").isZero();
        Set<String> allowed = inFlightAtKill;
        Map<String, Integer> twice = acked.keySet().stream().filter(url -> slack.posts(url).size() > 1)
                .collect(Collectors.toMap(url -> url, url -> slack.posts(url).size()));
        System.out.printf("fault test: %d commands acked, all answered; %d replies in flight at the kill, %d arrived twice%n",
                acked.size(), inFlightAtKill.size(), twice.size());
        assertThat(twice.keySet()).as("replies sent twice that were not in flight at the kill")
                .allSatisfy(url -> assertThat(allowed).contains(url.substring(url.indexOf("/hooks/"))));
        assertThat(twice.values()).allSatisfy(n -> assertThat(n).isEqualTo(2));
    }

    /** Slow commands and deliveries not finished yet, the killed replica's included until a live one took them over. */
    private int jobsLeft() throws Exception {
        try (Connection c = postgres.getDatabase("postgres", "fault").getConnection();
             var rs = c.createStatement().executeQuery(
                     "select count(*) from scheduled_tasks where task_name in ('slow-command', 'deliver-reply')")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The YAML a replica reads: a one-second heartbeat, so the dead replica's jobs are taken over after about 4 s, not 20. */
    private static Path heartbeatOfOneSecond() throws IOException {
        Path file = Path.of("target", "fault-replicas.yaml");
        Files.writeString(file, "jobs:\n  heartbeat: 1s\n");
        return file;
    }

    private Process startReplica(int index, int port, String database) throws IOException {
        File log = Path.of("target", "fault-replica-" + index + ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", Path.of("target", "capstan.jar").toString())
                .redirectErrorStream(true).redirectOutput(log);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("GITHUB_") || name.startsWith("CAPSTAN_"));
        env.put("PORT", Integer.toString(port));
        env.put("DATABASE_URL", database);
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("SLACK_BOT_TOKEN", "xoxb-fault-test");
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("CAPSTAN_PLAYGROUND", "false");
        env.put("CAPSTAN_CONFIG", heartbeatOfOneSecond().toString());
        return builder.start();
    }

    private void awaitReady(int port) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("replica on port " + port + " did not become ready; see target/fault-replica-*.log");
    }

    private static HttpResponse<String> command(int port, String text, String responseUrl) throws Exception {
        String body = "command=" + enc("/capstan") + "&text=" + enc(text) + "&user_id=UFAULT001&user_name=fault"
                + "&channel_id=CGENERAL&channel_name=general&team_id=T0TEST&response_url=" + enc(responseUrl)
                + "&trigger_id=1.2.3";
        long timestamp = Instant.now().getEpochSecond();
        String signature = "v0=" + Hmac.sha256Hex(SECRET, "v0:" + timestamp + ":" + body);
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/commands"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signature).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
