package dev.capstan.features.playground;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one commit history of the pretend GitHub, so that every answer agrees with every other: {@code main} and the
 * tags point into one line of commits, a full sha of it resolves to itself, and any other branch or tag is one stable
 * commit on top of {@code main} (the same sha however it is spelt: {@code v2}, {@code tags/v2}, {@code refs/tags/v2}).
 */
final class PretendCommits {
    /** One commit: its id, its title and its author's GitHub login. */
    record Commit(String sha, String message, String author) { }

    /** How two commits compare, as GitHub's compare API says it; {@code commits} are those head has and base lacks. */
    record Comparison(String status, int aheadBy, int behindBy, List<Commit> commits) { }

    private static final List<Commit> HISTORY = List.of(
            commit("Start the web site", "ada"),
            commit("Add the pricing page (#3)", "mia"),
            commit("Fix the footer links", "max"),
            commit("Tidy the header (#12)", "ada"),
            commit("Explain the pricing page", "leo"),
            commit("Speed up the start page (#15)", "mia"));
    /** Named refs of the history, by name without refs/heads/ or refs/tags/. */
    private static final Map<String, Integer> REFS = Map.of("v1.0.0", 2, "v1.1.0", 4, "main", 5, "master", 5);

    /** Commits made for names the history lacks, by sha, so that their sha resolves to them later (a rollback). */
    private final Map<String, Commit> madeForNames = new ConcurrentHashMap<>();

    /** The commit a ref, a tag, a branch or a full sha names; a sha never given out is empty (GitHub: 404/422). */
    Optional<Commit> resolve(String ref) {
        String name = ref.replaceFirst("^refs/", "").replaceFirst("^(heads|tags)/", "");
        if (name.matches("[0-9a-f]{40}")) {
            return HISTORY.stream().filter(c -> c.sha().equals(name)).findFirst().or(() -> Optional.ofNullable(madeForNames.get(name)));
        }
        Integer at = REFS.get(name);
        if (at != null) return Optional.of(HISTORY.get(at));
        Commit own = new Commit(sha("ref " + name), "Work on " + name, "max");
        madeForNames.putIfAbsent(own.sha(), own);
        return Optional.of(own);
    }

    /** {@code base...head}, or empty when GitHub would not know one of them. */
    Optional<Comparison> compare(String base, String head) {
        Optional<Commit> from = resolve(base);
        Optional<Commit> to = resolve(head);
        if (from.isEmpty() || to.isEmpty()) return Optional.empty();
        List<Commit> line = lineTo(to.get());
        int baseAt = line.indexOf(from.get());
        if (baseAt >= 0) {
            List<Commit> ahead = line.subList(baseAt + 1, line.size());
            return Optional.of(new Comparison(ahead.isEmpty() ? "identical" : "ahead", ahead.size(), 0, List.copyOf(ahead)));
        }
        List<Commit> baseLine = lineTo(from.get());
        int common = 0;
        while (common < Math.min(line.size(), baseLine.size()) && line.get(common).equals(baseLine.get(common))) common++;
        List<Commit> ahead = line.subList(common, line.size());
        int behind = baseLine.size() - common;
        return Optional.of(new Comparison(ahead.isEmpty() ? "behind" : "diverged", ahead.size(), behind, List.copyOf(ahead)));
    }

    /** The commits from the first one up to {@code commit}. */
    private static List<Commit> lineTo(Commit commit) {
        int at = HISTORY.indexOf(commit);
        if (at >= 0) return HISTORY.subList(0, at + 1);
        List<Commit> line = new ArrayList<>(HISTORY);
        line.add(commit);
        return line;
    }

    private static Commit commit(String message, String author) {
        return new Commit(sha("history " + message), message, author);
    }

    private static String sha(String seed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
