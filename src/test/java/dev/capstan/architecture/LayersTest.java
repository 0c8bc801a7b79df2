package dev.capstan.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.capstan.platform.Feature;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layer lines of docs/architecture.md, held by the build: each rule below is checked against Capstan's classes.
 * A plain JUnit test rather than ArchUnit's own engine, so that it runs beside the other test classes instead of alone
 * after them.
 */
class LayersTest {
    private static JavaClasses capstan;

    @BeforeAll
    static void importCapstan() {
        capstan = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.capstan");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds(String name, ArchRule rule) {
        rule.check(capstan);
    }

    /** Every rule of this class, by its field's name. */
    static Stream<Arguments> rules() {
        return Arrays.stream(LayersTest.class.getDeclaredFields())
                .filter(f -> f.getType() == ArchRule.class && Modifier.isStatic(f.getModifiers()))
                .map(f -> Arguments.of(f.getName(), rule(f)));
    }

    private static ArchRule rule(Field field) {
        try {
            return (ArchRule) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static final ArchRule commandKnowsNoSlackNoSqlNoHttp = noClasses().that().resideInAPackage("dev.capstan.command..")
            .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "java.sql..", "javax.sql..", "org.jdbi..",
                    "io.javalin..", "org.eclipse.jetty..", "dev.capstan.slack..", "dev.capstan.store..", "dev.capstan.jobs..",
                    "dev.capstan.app..", "dev.capstan.features..", "dev.capstan.http..", "com.github.kagkarlsson..",
                    "java.net.http..", "dev.capstan.platform..", "dev.capstan.webhooks..", "dev.capstan.github..", "dev.capstan.jenkins..");

    static final ArchRule featuresNeverImportEachOther = slices().matching("dev.capstan.features.(*)..")
            .should().notDependOnEachOther().allowEmptyShould(true);

    static final ArchRule thePlatformNeverImportsAFamily = noClasses().that().resideOutsideOfPackages("dev.capstan.app..", "dev.capstan.features..")
            .should().dependOnClassesThat().resideInAPackage("dev.capstan.features..");

    /** The platform packages a family (dev.capstan.features.X) may import: the family contract and the shared services, never the app or the built-in commands. */
    static final String[] A_FAMILY_MAY_IMPORT = {"dev.capstan.features..", "dev.capstan.platform", "dev.capstan.command",
            "dev.capstan.slack", "dev.capstan.jobs", "dev.capstan.http", "dev.capstan.webhooks", "dev.capstan.github",
            "dev.capstan.jenkins", "dev.capstan.store", "dev.capstan.security"};

    static final ArchRule aFamilyImportsOnlyTheNamedPlatformPackages = noClasses().that().resideInAPackage("dev.capstan.features..")
            .should().dependOnClassesThat(resideInAPackage("dev.capstan..").and(not(resideInAnyPackage(A_FAMILY_MAY_IMPORT))));

    static final ArchRule onlyAFamilysEntryClassIsPublic = classes().that().resideInAPackage("dev.capstan.features..")
            .and().areTopLevelClasses().and().arePublic().should().implement(Feature.class);

    static final ArchRule noPackageCycles = slices().matching("dev.capstan.(*)..").should().beFreeOfCycles();

    static final ArchRule sharedServicesStayBelowThePlatform = noClasses()
            .that().resideInAnyPackage("dev.capstan.jobs..", "dev.capstan.http..", "dev.capstan.webhooks..", "dev.capstan.github..",
                    "dev.capstan.jenkins..", "dev.capstan.store..", "dev.capstan.security..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.capstan.platform..", "dev.capstan.slack..");

    static final ArchRule featuresServeHttpOnlyThroughThePlatform = noClasses().that().resideInAPackage("dev.capstan.features..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..");

    static final ArchRule nothingDependsOnTheApp = noClasses().that().resideOutsideOfPackage("dev.capstan.app..")
            .should().dependOnClassesThat().resideInAPackage("dev.capstan.app..");

    static final ArchRule sharedLayersKnowNoWebServer = noClasses().that()
            .resideInAnyPackage("dev.capstan.store..", "dev.capstan.jobs..", "dev.capstan.slack..", "dev.capstan.security..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..");

    static final ArchRule storeKnowsNoSlack = noClasses().that().resideInAPackage("dev.capstan.store..")
            .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "dev.capstan.slack..", "dev.capstan.jobs..");
}
