package dev.capstan.features.directory;

/** One person in one team; leads are always members too. */
record Membership(String teamName, String userId, boolean lead) {
}
