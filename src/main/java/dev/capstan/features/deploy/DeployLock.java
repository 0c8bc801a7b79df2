package dev.capstan.features.deploy;

import java.time.Instant;

/** A row of {@code deploy_locks}: someone holding an environment, by an explicit lock (with its reason) or a running deployment. */
record DeployLock(String repositoryKey, String environment, LockType kind, String holder, String reason, Long deploymentId, Instant since) {
    /** An explicit {@code lock} by a person, or the hold of a running deployment. */
    enum LockType { LOCK, RUN }
}
