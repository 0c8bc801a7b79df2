package dev.capstan.platform;

import java.util.List;

/**
 * Thrown by a family's work at start ({@link FeatureContext#onStart}) when a check that needs the running platform (an
 * outside service's answer) refuses the configuration: start-up stops as for any configuration problem (exit code 2).
 */
public final class ConfigurationRefused extends RuntimeException {
    private final List<String> problems;

    public ConfigurationRefused(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
