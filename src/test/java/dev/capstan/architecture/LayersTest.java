package dev.capstan.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.capstan.platform.Feature;

/** The layer lines of docs/architecture.md, held by the build. */
@AnalyzeClasses(packages = "dev.capstan", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {
    @ArchTest
    static final ArchRule commandKnowsNoSlackNoSqlNoHttp = noClasses().that().resideInAPackage("dev.capstan.command..")
            .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "java.sql..", "javax.sql..", "org.jdbi..",
                    "io.javalin..", "org.eclipse.jetty..", "dev.capstan.slack..", "dev.capstan.store..", "dev.capstan.jobs..",
                    "dev.capstan.app..", "dev.capstan.features..", "dev.capstan.http..", "com.github.kagkarlsson..",
                    "java.net.http..", "dev.capstan.platform..", "dev.capstan.webhooks..", "dev.capstan.github..", "dev.capstan.jenkins..");

    @ArchTest
    static final ArchRule featuresNeverImportEachOther = slices().matching("dev.capstan.features.(*)..")
            .should().notDependOnEachOther().allowEmptyShould(true);

    @ArchTest
    static final ArchRule thePlatformNeverImportsAFamily = noClasses().that().resideOutsideOfPackages("dev.capstan.app..", "dev.capstan.features..")
            .should().dependOnClassesThat().resideInAPackage("dev.capstan.features..");

    /** The platform packages a family (dev.capstan.features.X) may import: the family contract and the shared services, never the app or the built-in commands. */
    static final String[] A_FAMILY_MAY_IMPORT = {"dev.capstan.features..", "dev.capstan.platform", "dev.capstan.command",
            "dev.capstan.slack", "dev.capstan.jobs", "dev.capstan.http", "dev.capstan.webhooks", "dev.capstan.github",
            "dev.capstan.jenkins", "dev.capstan.store", "dev.capstan.security"};

    @ArchTest
    static final ArchRule aFamilyImportsOnlyTheNamedPlatformPackages = noClasses().that().resideInAPackage("dev.capstan.features..")
            .should().dependOnClassesThat(resideInAPackage("dev.capstan..").and(not(resideInAnyPackage(A_FAMILY_MAY_IMPORT))));

    @ArchTest
    static final ArchRule onlyAFamilysEntryClassIsPublic = classes().that().resideInAPackage("dev.capstan.features..")
            .and().areTopLevelClasses().and().arePublic().should().implement(Feature.class);

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.capstan.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule sharedServicesStayBelowThePlatform = noClasses()
            .that().resideInAnyPackage("dev.capstan.jobs..", "dev.capstan.http..", "dev.capstan.webhooks..", "dev.capstan.github..",
                    "dev.capstan.jenkins..", "dev.capstan.store..", "dev.capstan.security..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.capstan.platform..", "dev.capstan.slack..");

    @ArchTest
    static final ArchRule featuresServeHttpOnlyThroughThePlatform = noClasses().that().resideInAPackage("dev.capstan.features..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule nothingDependsOnTheApp = noClasses().that().resideOutsideOfPackage("dev.capstan.app..")
            .should().dependOnClassesThat().resideInAPackage("dev.capstan.app..");

    @ArchTest
    static final ArchRule sharedLayersKnowNoWebServer = noClasses().that()
            .resideInAnyPackage("dev.capstan.store..", "dev.capstan.jobs..", "dev.capstan.slack..", "dev.capstan.security..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..");

    @ArchTest
    static final ArchRule storeKnowsNoSlack = noClasses().that().resideInAPackage("dev.capstan.store..")
            .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "dev.capstan.slack..", "dev.capstan.jobs..");
}
