package dev.capstan.features.brokengamma;

import dev.capstan.command.AccessPolicy;
import dev.capstan.command.AuditLog;
import dev.capstan.command.Commands;
import dev.capstan.command.People;
import dev.capstan.command.builtin.Builtins;
import dev.capstan.platform.Feature;
import dev.capstan.platform.FeatureContext;

/** A family that reaches past the family contract into the platform's built-in commands, on purpose. Only the architecture test reads it. */
public final class Gamma implements Feature {
    @Override
    public String name() {
        return "gamma";
    }

    @Override
    public void register(FeatureContext context) {
    }

    /** Wires the built-in commands itself, as only the app may. */
    void rewire(Commands commands, AuditLog audit, AccessPolicy policy, People people) {
        Builtins.register(commands, audit, policy, people);
    }
}
