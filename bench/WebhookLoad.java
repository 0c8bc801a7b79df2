import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Closed-loop webhook load: N connections each send signed GitHub deliveries (a fresh X-GitHub-Delivery each, so every
 * one is verified, recorded and fanned out) back to back for a fixed time after a warm-up, and record each answer's
 * latency. Only a 2xx counts. Prints: label, deliveries/s, p50, p99, errors.
 * Usage: WebhookLoad URL SECRET EVENT BODY CONNECTIONS WARMUP_S MEASURE_S LABEL
 */
public class WebhookLoad {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String secret = args[1];
        String event = args[2];
        byte[] body = args[3].getBytes(StandardCharsets.UTF_8);
        int connections = Integer.parseInt(args[4]);
        long warmup = Duration.ofSeconds(Long.parseLong(args[5])).toNanos();
        long measure = Duration.ofSeconds(Long.parseLong(args[6])).toNanos();
        String label = args[7];
        String signature = "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
        long measureFrom = System.nanoTime() + warmup;
        long end = measureFrom + measure;
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        Thread[] threads = new Thread[connections];
        for (int t = 0; t < connections; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] mine = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                            .header("X-GitHub-Event", event).header("X-GitHub-Delivery", UUID.randomUUID().toString())
                            .header("X-Hub-Signature-256", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() / 100 != 2) errors.incrementAndGet();
                        if (sent >= measureFrom && n < mine.length) mine[n++] = System.nanoTime() - sent;
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
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int t = 0; t < connections; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        System.out.printf("%-28s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d  (n=%d, %d connections)%n",
                label, all.length / (measure / 1e9), ms(all, 0.50), ms(all, 0.99), errors.get(), all.length, connections);
    }

    private static double ms(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static byte[] hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(body);
    }
}
