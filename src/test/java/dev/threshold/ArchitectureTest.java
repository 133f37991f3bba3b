package dev.threshold;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package map of docs/architecture.md, held by the build: the features in their order (each may use those
 * before it, never one after it), the platform's rooms beneath every feature, the score's mathematics free of
 * any framework, and no cycle anywhere.
 */
class ArchitectureTest {

    /** Lowest first: a package may depend on those before it in this list, never on one after it. */
    static final List<String> ORDER = List.of(
            "dev.threshold.platform..",
            "dev.threshold.score.math..",
            "dev.threshold.action",
            "dev.threshold.score",
            "dev.threshold.contact",
            "dev.threshold.interaction",
            "dev.threshold.network",
            "dev.threshold.importing",
            "dev.threshold.capture..",
            "dev.threshold.nudge..");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.threshold");

    @Test
    void noPackageDependsOnOneAboveIt() {
        for (int i = 0; i < ORDER.size() - 1; i++) {
            String[] above = ORDER.subList(i + 1, ORDER.size()).toArray(String[]::new);
            ArchRule rule = noClasses()
                    .that()
                    .resideInAPackage(ORDER.get(i))
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(above)
                    .because(ORDER.get(i) + " sits below " + Arrays.toString(above) + " in docs/architecture.md");
            rule.check(MAIN);
        }
    }

    @Test
    void everyClassLivesInAPackageOfTheMap() {
        classes().should().resideInAnyPackage(ORDER.toArray(String[]::new)).check(MAIN);
    }

    @Test
    void theScoreMathematicsUsesNothingButTheJdk() {
        classes()
                .that()
                .resideInAPackage("dev.threshold.score.math..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.threshold.score.math..")
                .check(MAIN);
    }

    /** docs/architecture.md, "Reaching the database": Panache for entities, Jdbc for every hand-written statement. */
    @Test
    void handWrittenSqlGoesThroughJdbcOnly() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.threshold.platform.persistence")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.agroal.api.AgroalDataSource")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("javax.sql.DataSource")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.hibernate.Session")
                .orShould()
                .callMethod(EntityManager.class, "createNativeQuery", String.class)
                .orShould()
                .callMethod(EntityManager.class, "createNativeQuery", String.class, Class.class)
                .check(MAIN);
    }

    @Test
    void noCycleBetweenFeaturesOrBetweenThePlatformsRooms() {
        slices().matching("dev.threshold.(*)..").should().beFreeOfCycles().check(MAIN);
        slices().matching("dev.threshold.platform.(*)..")
                .should()
                .beFreeOfCycles()
                .check(MAIN);
    }
}
