package dev.newsbatch.notebook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The notebook module uses the SDK's API and renderers, never its implementation under {@code internal}. */
class NotebookBoundaryTest {
    private static final JavaClasses NOTEBOOK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.newsbatch.notebook");

    @Test
    void importsTheModule() {
        assertTrue(NOTEBOOK.contain(Notebook.class));
    }

    @Test
    void theModuleImportsNothingOfTheSdksInternals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.newsbatch.internal..").check(NOTEBOOK);
    }
}
