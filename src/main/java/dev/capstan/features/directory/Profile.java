package dev.capstan.features.directory;

/** A member's directory entry, keyed by Slack user id; null fields are simply not filled in. */
record Profile(String userId, String name, String email, String position, String githubLogin, Long githubId,
                      String major, String bio) {

    public static Profile blank(String userId) {
        return new Profile(userId, null, null, null, null, null, null, null);
    }

    /** The name to show: the profile name, or a mention when there is none. */
    public String label() {
        return name == null ? "<@" + userId + ">" : name + " (<@" + userId + ">)";
    }
}
