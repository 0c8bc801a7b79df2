package dev.capstan.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The layer rules can fail: three test-only families that break them on purpose are caught, each by its rule. */
class LayerRulesCatchBreakageTest {
    private final JavaClasses broken = new ClassFileImporter().importPackages("dev.capstan.features.brokenalpha", "dev.capstan.features.brokenbeta");

    @Test
    void aFamilyImportingAnotherIsCaught() {
        EvaluationResult result = LayersTest.featuresNeverImportEachOther.evaluate(broken);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("Alpha").contains("BetaHelper");
    }

    @Test
    void aPublicClassThatIsNotAnEntryClassIsCaught() {
        EvaluationResult result = LayersTest.onlyAFamilysEntryClassIsPublic.evaluate(broken);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("BetaHelper");
    }

    @Test
    void aFamilyImportingAPlatformPackageOutsideItsContractIsCaught() {
        JavaClasses gamma = new ClassFileImporter().importPackages("dev.capstan.features.brokengamma");

        EvaluationResult result = LayersTest.aFamilyImportsOnlyTheNamedPlatformPackages.evaluate(gamma);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("Gamma").contains("dev.capstan.command.builtin.Builtins");
        assertThat(LayersTest.featuresNeverImportEachOther.evaluate(gamma).hasViolation()).isFalse();
    }
}
