package dev.capstan.features.deploy;

import java.time.Instant;

/** Someone holding an environment: an explicit lock (with its reason) or a running deployment. */
record Hold(String repositoryKey, String environment, Kind kind, String holder, String reason, Long deploymentId, Instant since) {
    enum Kind { LOCK, RUN }
}
