package dev.capstan.features.timereport;

/** A configured reason for an entry; only some reasons (vab, sjuk…) count as absence from work. */
record Reason(String name, boolean countsAsAbsence) {
}
