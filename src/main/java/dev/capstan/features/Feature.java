package dev.capstan.features;

/** A command family's single entry point: register its commands, events, schedules and webhooks. */
@FunctionalInterface
public interface Feature {
    void register(FeatureContext context);
}
