package dev.capstan.command;

/** A failure of something outside Capstan that knows whether trying again could help (Slack's and GitHub's error codes). */
public interface KnownFailure {
    boolean permanent();
}
