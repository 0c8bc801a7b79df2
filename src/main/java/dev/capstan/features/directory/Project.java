package dev.capstan.features.directory;

/**
 * A project: a GitHub repository ({@code owner/name}), its display name, and the team it is assigned to (null: none).
 * {@code accessGranted} says Capstan gave that team access to the repository, so unassigning takes back only that.
 */
record Project(long id, String repository, String displayName, String teamName, boolean accessGranted) {

    boolean assigned() {
        return teamName != null;
    }

    /** How a reply names the project: its id and display name, or its repository when it has none. */
    String label() {
        return "`" + id + "` (" + (displayName == null ? repository : displayName) + ")";
    }
}
