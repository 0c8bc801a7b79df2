package dev.capstan.features.timereport;

/** A configured reason for an entry; only some reasons (vab, sjuk…) count as absence from work. */
public record Reason(String name, boolean countsAsAbsence) {
}
