package dev.capstan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capstan.features.directory.Directory;
import dev.capstan.features.timereport.TimeReport;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.Test;

class StartupProblemsTest {
    @Test
    void badFamilySettingsStopStartUpWithOneMessageListingEachProblem() {
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class, () -> TestApp.on(TestDatabases.Kind.H2)
                .feature(new Directory()).feature(new TimeReport())
                .yaml("""
                        families:
                          timereport:
                            hours_per_day: 30
                          directory:
                            featured_channel:
                              channel: CFEATURED
                              day: someday
                        """)
                .start());
        assertThat(invalid.problems()).hasSize(2);
        assertThat(invalid.getMessage()).contains("families.timereport.hours_per_day").contains("families.directory.featured_channel");
    }
}
