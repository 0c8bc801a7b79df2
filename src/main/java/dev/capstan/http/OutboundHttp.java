package dev.capstan.http;

import dev.capstan.command.AuditLog;
import dev.capstan.security.SecretMask;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** The one way Capstan calls out over HTTP: each family (and GitHub) gets a client for a purpose, with its own host allow-list and timeouts. */
public final class OutboundHttp {
    private final AuditLog audit;
    private final SecretMask secrets;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Sleeper sleeper;

    /** Waits between attempts; tests replace it to run without real waiting. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(java.time.Duration duration) throws InterruptedException;
    }

    public OutboundHttp(AuditLog audit, MeterRegistry metrics, Clock clock, SecretMask secrets) {
        this(audit, metrics, clock, secrets, duration -> Thread.sleep(duration.toMillis()));
    }

    public OutboundHttp(AuditLog audit, MeterRegistry metrics, Clock clock, SecretMask secrets, Sleeper sleeper) {
        this.audit = audit;
        this.secrets = secrets;
        this.metrics = metrics;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** A client named for what it is for ("flush.cloudflare", "github"): the name appears in the audit log and the metrics. */
    public OutboundClient client(String purpose, HttpPolicy policy) {
        return new OutboundClient(purpose, policy, audit, metrics, clock, secrets, sleeper);
    }
}
