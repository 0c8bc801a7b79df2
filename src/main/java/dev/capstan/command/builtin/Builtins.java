package dev.capstan.command.builtin;

import dev.capstan.command.AccessPolicy;
import dev.capstan.command.AuditLog;
import dev.capstan.command.Commands;
import dev.capstan.command.People;

/** The platform's own commands, which prove the spine end to end: whoami, ping, audit, access. */
public final class Builtins {
    private Builtins() {
    }

    public static void register(Commands commands, AuditLog audit, AccessPolicy policy, People people) {
        commands.family("whoami", "Who you are to Capstan: id, role, teams and links.")
                .add(() -> new Whoami(commands));
        commands.family("ping", "Check that Capstan and its job workers answer.")
                .add(Ping::new)
                .add(Ping.ThroughJob::new);
        commands.family("audit", "The latest invocations (admins).")
                .add(() -> new Audit(audit));
        commands.family("access", "Effective access rules, and why someone may or may not run a command (admins).")
                .add(() -> new Access(commands, policy))
                .add(() -> new AccessCheck(commands, policy, people));
    }
}
