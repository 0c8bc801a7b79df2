package dev.capstan.features.deploy;

import dev.capstan.command.UserError;

/**
 * A ref as someone typed it, its case kept: {@code refs/…} is used as is, {@code tags/x} and a version-like name
 * ({@code v1.2}, {@code 2024.1}) are tags, a full commit id is used as it is, {@code heads/x} and anything else are branches.
 */
record GitRef(RefType kind, String name) {
    /** Where the ref lives: a branch, a tag, or anything else (a full ref or commit id) used as it is. */
    enum RefType { BRANCH, TAG, OTHER }

    private static final int MAX = 250;

    static GitRef parse(String typed) {
        String text = typed == null ? "" : typed.trim();
        if (text.isEmpty() || text.length() > MAX || !text.matches("[\\x21-\\x7e]+") || text.contains("..") || text.endsWith("/")
                || text.endsWith(".lock") || text.contains("@{") || text.matches(".*[~^:?*\\[\\\\].*")) {
            throw new UserError(":warning: `" + clip(text) + "` is not a branch or tag name I can deploy.");
        }
        if (text.startsWith("refs/heads/")) return new GitRef(RefType.BRANCH, text.substring("refs/heads/".length()));
        if (text.startsWith("refs/tags/")) return new GitRef(RefType.TAG, text.substring("refs/tags/".length()));
        if (text.startsWith("refs/")) return new GitRef(RefType.OTHER, text);
        if (text.startsWith("tags/")) return new GitRef(RefType.TAG, text.substring("tags/".length()));
        if (text.startsWith("heads/")) return new GitRef(RefType.BRANCH, text.substring("heads/".length()));
        if (text.matches("[0-9a-f]{40}")) return new GitRef(RefType.OTHER, text);
        if (text.matches("v?[0-9].*")) return new GitRef(RefType.TAG, text);
        return new GitRef(RefType.BRANCH, text);
    }

    /** The full ref GitHub is asked to deploy. */
    String full() {
        return switch (kind) {
            case BRANCH -> "refs/heads/" + name;
            case TAG -> "refs/tags/" + name;
            case OTHER -> name;
        };
    }

    /** How messages show it: {@code main}, {@code tag v1.0.0}. */
    String label() {
        return switch (kind) {
            case BRANCH -> name;
            case TAG -> "tag " + name;
            case OTHER -> name;
        };
    }

    /** How to type it again in a command so that it means the same ref: {@code main}, {@code tags/v1.0.0}, {@code heads/v2}. */
    String typed() {
        return switch (kind) {
            case TAG -> "tags/" + name;
            case BRANCH -> parse(name).kind() == RefType.BRANCH && !name.startsWith("refs/") ? name : "heads/" + name;
            case OTHER -> name;
        };
    }

    private static String clip(String text) {
        String clean = text.replace("`", "'");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}
