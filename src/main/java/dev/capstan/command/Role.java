package dev.capstan.command;

import java.util.Locale;
import java.util.Optional;

/** Roles are ordered so that a command can name the least role allowed to run it. */
public enum Role {
    MEMBER, TEAM_LEAD, ADMIN;

    public boolean atLeast(Role least) {
        return compareTo(least) >= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        if (text == null) return Optional.empty();
        String normalised = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Role role : values()) {
            if (role.name().equals(normalised)) return Optional.of(role);
        }
        return Optional.empty();
    }
}
