package dev.capstan.features.flush;

import dev.capstan.command.SlackIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The seed's allow-list: one {@code member_id,name} line per person, only the first column counts. A header line
 * ({@code member_id,…}) and blank lines are skipped; anything else that is not a Slack member id is refused.
 */
final class AllowedUsers implements AllowList {
    private final Set<String> ids;

    private AllowedUsers(Set<String> ids) {
        this.ids = Set.copyOf(ids);
    }

    static AllowedUsers none() {
        return new AllowedUsers(Set.of());
    }

    /** Reads the file at start (an empty file allows nobody); throws IllegalArgumentException saying what is wrong with it. */
    static AllowedUsers read(Path file) {
        return read(file, true);
    }

    /** Reads the file again after it changed: an empty one is refused, as a list is never emptied by accident. */
    static AllowedUsers reread(Path file) {
        return read(file, false);
    }

    private static AllowedUsers read(Path file, boolean mayBeEmpty) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("allowed_users_csv: cannot read " + file.getFileName() + " ("
                    + (Files.exists(file) ? e.getClass().getSimpleName() : "no such file") + ")");
        }
        if (mayBeEmpty && lines.stream().allMatch(String::isBlank)) return none();
        return parse(lines, file.getFileName().toString());
    }

    /**
     * Reads the lines of the list called {@code name}; throws IllegalArgumentException saying what is wrong. Nothing at
     * all (no line but blank ones) is refused: an empty list must say so with its header line alone.
     */
    static AllowedUsers parse(List<String> lines, String name) {
        if (lines.stream().allMatch(String::isBlank)) {
            throw new IllegalArgumentException("allowed_users_csv: " + name + " is empty (to allow nobody, leave only its header line member_id,name)");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 ? lines.get(i).replace("\uFEFF", "") : lines.get(i);
            String first = line.split(",", 2)[0].trim().replace("\"", "");
            if (first.isEmpty() || (i == 0 && first.equalsIgnoreCase("member_id"))) continue;
            if (!SlackIds.isUser(first)) {
                throw new IllegalArgumentException("allowed_users_csv: line " + (i + 1) + " of " + name
                        + " starts with `" + first + "`, which is not a Slack member id (U… or W…)");
            }
            ids.add(first);
        }
        return new AllowedUsers(ids);
    }

    static AllowedUsers of(Set<String> ids) {
        return new AllowedUsers(ids);
    }

    Set<String> ids() {
        return ids;
    }

    @Override
    public boolean contains(String userId) {
        return ids.contains(userId);
    }
}
