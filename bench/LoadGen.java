import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Closed-loop load: N connections each send signed slash commands back to back for a fixed time
 * (after a warm-up) and record every ack's latency. An ack counts only when it is a 200 whose body contains EXPECT
 * (so an error reply is an error, not a fast ack). Prints one result line: label, req/s, p50, p99, errors, and how many
 * requests were acked in all, warm-up included (what a server that replies later owes its response_url).
 * Usage: LoadGen URL SECRET "COMMAND TEXT" CONNECTIONS WARMUP_S MEASURE_S RESPONSE_URL LABEL [EXPECT]
 */
public class LoadGen {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String secret = args[1];
        String line = args[2];
        int connections = Integer.parseInt(args[3]);
        long warmupNanos = Duration.ofSeconds(Long.parseLong(args[4])).toNanos();
        long measureNanos = Duration.ofSeconds(Long.parseLong(args[5])).toNanos();
        String responseUrl = args[6];
        String label = args[7];
        String expect = args.length > 8 ? args[8] : "";
        String command = line.substring(0, line.indexOf(' '));
        String text = line.substring(line.indexOf(' ') + 1);
        String body = "team_id=T1&channel_id=CBENCH&user_id=UBENCH01&command=" + enc(command) + "&text=" + enc(text)
                + "&response_url=" + enc(responseUrl) + "&trigger_id=1.2.3";

        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + measureNanos;
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        AtomicLong acked = new AtomicLong();
        Thread[] threads = new Thread[connections];
        for (int t = 0; t < connections; t++) {
            final int id = t;
            threads[t] = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] mine = new long[1 << 20];
                int n = 0;
                while (true) {
                    long now = System.nanoTime();
                    if (now >= end) break;
                    long ts = System.currentTimeMillis() / 1000;
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-Slack-Request-Timestamp", Long.toString(ts))
                            .header("X-Slack-Signature", sign(secret, ts, body))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - sent;
                        if (response.statusCode() != 200 || !response.body().contains(expect)) errors.incrementAndGet();
                        else acked.incrementAndGet();
                        if (sent >= measureFrom && n < mine.length) mine[n++] = took;
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                latencies[id] = mine;
                counts[id] = n;
            });
            threads[t].start();
        }
        for (Thread thread : threads) thread.join();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < connections; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        double seconds = measureNanos / 1e9;
        System.out.printf("%-28s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d  acked %d  (n=%d, %d connections)%n",
                label, total / seconds, ms(all, 0.50), ms(all, 0.99), errors.get(), acked.get(), total, connections);
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String sign(String secret, long ts, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder("v0=");
            for (byte b : digest) hex.append(String.format("%02x", b));
            return hex.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
