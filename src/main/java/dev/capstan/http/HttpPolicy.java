package dev.capstan.http;

import java.time.Duration;

/** How one client calls out: which hosts, how long to wait for a connection and for an answer, how often to try. */
public record HttpPolicy(HostAllowList hosts, Duration connectTimeout, Duration readTimeout, int attempts, Duration longestWait) {
    public HttpPolicy {
        if (attempts < 1) throw new IllegalArgumentException("at least one attempt");
    }

    /** 5 s to connect, 20 s for the answer, 3 attempts, a Retry-After honoured up to 30 s. */
    public static HttpPolicy standard(HostAllowList hosts) {
        return new HttpPolicy(hosts, Duration.ofSeconds(5), Duration.ofSeconds(20), 3, Duration.ofSeconds(30));
    }

    public HttpPolicy withReadTimeout(Duration timeout) {
        return new HttpPolicy(hosts, connectTimeout, timeout, attempts, longestWait);
    }

    public HttpPolicy withAttempts(int count) {
        return new HttpPolicy(hosts, connectTimeout, readTimeout, count, longestWait);
    }
}
