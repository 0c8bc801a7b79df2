package dev.capstan.platform;

/** A command family's single entry point: it declares in {@link #register} everything it needs, and the platform provides it. */
public interface Feature {
    /** The family's name: its section of the YAML file ({@code families.<name>}) and its migrations' folder ({@code db/<name>}). */
    String name();

    void register(FeatureContext context);

    /** A family made of a name and a registration, for small families (and tests) that need no class of their own. */
    static Feature of(String name, java.util.function.Consumer<FeatureContext> registration) {
        return new Feature() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void register(FeatureContext context) {
                registration.accept(context);
            }
        };
    }
}
