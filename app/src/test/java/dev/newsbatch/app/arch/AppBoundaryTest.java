package dev.newsbatch.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The CLI and the REST API use the SDK's API, never its implementation under {@code internal}. */
class AppBoundaryTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.newsbatch.app");

    @Test
    void importsTheApp() {
        assertTrue(APP.containPackage("dev.newsbatch.app.cli") && APP.containPackage("dev.newsbatch.app.rest"));
    }

    @Test
    void theAppImportsNothingOfTheSdksInternals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.newsbatch.internal..").check(APP);
    }
}
