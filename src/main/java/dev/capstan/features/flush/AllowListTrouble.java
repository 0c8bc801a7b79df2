package dev.capstan.features.flush;

import dev.capstan.command.AuditEntry;
import dev.capstan.command.AuditLog;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A new version of the allow-list that was refused (unreadable, a bad line, empty, no answer): logged and audited; the last good list stays. */
final class AllowListTrouble {
    static final String AUDITED_AS = "flush allowed_users_csv";
    private static final Logger log = LoggerFactory.getLogger(AllowListTrouble.class);

    private final AuditLog audit;
    private final Clock clock;

    AllowListTrouble(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    void refused(String source, String why, int keptPeople) {
        String kept = "kept the last good list (" + keptPeople + (keptPeople == 1 ? " person)" : " people)");
        log.warn("The allow-list {} was not taken: {}; {}", source, why, kept);
        audit.append(AuditEntry.of(AuditEntry.Kind.JOB, clock.instant(), null, null, source, AUDITED_AS, "refused", why + "; " + kept, 0, null));
    }

    void taken(String source, int people) {
        log.info("The allow-list {} now lets {} {} flush", source, people, people == 1 ? "person" : "people");
        audit.append(AuditEntry.of(AuditEntry.Kind.JOB, clock.instant(), null, null, source, AUDITED_AS, "reloaded", people + " people", 0, null));
    }
}
