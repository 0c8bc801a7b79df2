package dev.capstan.features.deploy;

/** A DORA performance band, best first; {@link DoraThresholds} says where each begins. */
enum Band {
    ELITE("elite", ":star2:"),
    HIGH("high", ":large_green_circle:"),
    MEDIUM("medium", ":large_yellow_circle:"),
    LOW("low", ":red_circle:");

    private final String label;
    private final String emoji;

    Band(String label, String emoji) {
        this.label = label;
        this.emoji = emoji;
    }

    String label() {
        return label;
    }

    String emoji() {
        return emoji;
    }
}
