package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capstan.app.Config;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.Test;

/** One environment variable means one thing: two families may share it only when they read it the same way. */
class VariableMeaningsTest {
    /** A test-only family that declares one variable with the meaning it is given. */
    private record Reader(String name, String meaning, boolean secret) implements Feature {
        @Override
        public void register(FeatureContext context) {
            if (secret) context.secret("SHARED_URL", meaning);
            else context.variable("SHARED_URL", meaning);
        }
    }

    @Test
    void twoFamiliesDeclaringAVariableWithDifferentMeaningsStopStartUpNamingBoth() {
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class, () -> TestApp.on(TestDatabases.Kind.H2)
                .feature(new Reader("alpha", "the build server's address", false))
                .feature(new Reader("beta", "the chat server's address", false))
                .start());

        assertThat(invalid).isNotNull();
        assertThat(invalid.problems()).containsExactly("SHARED_URL is declared twice with different meanings: alpha reads it as "
                + "\"the build server's address\", beta as \"the chat server's address\"; one variable must mean one thing");
    }

    @Test
    void aVariableOneFamilyReadsAsASecretAndAnotherAsPlainTextIsTwoMeanings() {
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class, () -> TestApp.on(TestDatabases.Kind.H2)
                .feature(new Reader("alpha", "the build server's address", false))
                .feature(new Reader("beta", "the build server's address", true))
                .start());

        assertThat(invalid).isNotNull();
        assertThat(invalid.problems()).singleElement().asString().contains("beta as a secret, \"the build server's address\"");
    }

    @Test
    void twoFamiliesDeclaringAVariableWithTheSameMeaningStartAndListItOnce() {
        try (TestApp app = TestApp.on(TestDatabases.Kind.H2)
                .feature(new Reader("alpha", "the build server's address", false))
                .feature(new Reader("beta", "the build server's address", false))
                .start()) {
            assertThat(app.capstan().declarations().variables()).filteredOn(v -> v.name().equals("SHARED_URL"))
                    .singleElement().extracting(Variable::owner).isEqualTo("alpha");
        }
    }
}
