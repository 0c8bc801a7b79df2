package dev.capstan.features.deploy;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a deployment is. Each state has a rank that only grows, so an event that arrives late or twice never moves a
 * deployment (or its message) back; the first ending wins.
 */
enum DeploymentState {
    REQUESTED(1, ":hourglass_flowing_sand:", "requested"),
    /** GitHub answered that required checks are pending: it waits without holding its environment. */
    WAITING(2, ":vertical_traffic_light:", "waiting for checks"),
    CREATED(3, ":package:", "created on GitHub"),
    QUEUED(4, ":inbox_tray:", "queued"),
    IN_PROGRESS(5, ":rocket:", "in progress"),
    SUCCESS(9, ":white_check_mark:", "succeeded"),
    FAILURE(9, ":x:", "failed"),
    ERROR(9, ":boom:", "errored"),
    REFUSED(9, ":no_entry:", "refused"),
    /** Waited for pending required checks longer than the environment's {@code checks_timeout}; nothing was deployed. */
    EXPIRED(9, ":hourglass:", "expired");

    private final int rank;
    private final String emoji;
    private final String label;

    DeploymentState(int rank, String emoji, String label) {
        this.rank = rank;
        this.emoji = emoji;
        this.label = label;
    }

    int rank() {
        return rank;
    }

    String emoji() {
        return emoji;
    }

    String label() {
        return label;
    }

    boolean ended() {
        return rank == 9;
    }

    /** An ending the requester hears about in a DM. */
    boolean bad() {
        return this == FAILURE || this == ERROR || this == REFUSED || this == EXPIRED;
    }

    /** GitHub's deployment status state, as the REST API spells it; empty for states GitHub has no word for. */
    Optional<String> gitHubState() {
        return switch (this) {
            case QUEUED -> Optional.of("queued");
            case IN_PROGRESS -> Optional.of("in_progress");
            case SUCCESS -> Optional.of("success");
            case FAILURE -> Optional.of("failure");
            case ERROR -> Optional.of("error");
            default -> Optional.empty();
        };
    }

    /** A GitHub deployment status state ("in_progress", "success", …); empty for inactive and unknown states. */
    static Optional<DeploymentState> fromGitHub(String state) {
        return switch (state == null ? "" : state.toLowerCase(Locale.ROOT)) {
            case "pending" -> Optional.of(CREATED);
            case "queued" -> Optional.of(QUEUED);
            case "in_progress" -> Optional.of(IN_PROGRESS);
            case "success" -> Optional.of(SUCCESS);
            case "failure" -> Optional.of(FAILURE);
            case "error" -> Optional.of(ERROR);
            default -> Optional.empty();
        };
    }
}
