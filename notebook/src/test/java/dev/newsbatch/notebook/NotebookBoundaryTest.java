package dev.newsbatch.notebook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.newsbatch.notebooks.RepoRoot;
import java.nio.file.Files;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    @Test
    void sdkPomHasNoJupyterOrKernelDependency() throws Exception {
        String pom = Files.readString(RepoRoot.find().resolve("sdk/pom.xml"));
        String dependencies = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"))
                .toLowerCase(Locale.ROOT);
        assertTrue(dependencies.contains("<artifactid>google-genai</artifactid>"), "the section was found");
        assertFalse(dependencies.contains("jupyter"), dependencies);
        assertFalse(dependencies.contains("ijava"), dependencies);
        assertFalse(dependencies.contains("jjava"), dependencies);
    }

    @Test
    void kernelLibrariesAreProvidedSoTheAllInOneJarLeavesThemToTheKernel() throws Exception {
        String pom = Files.readString(RepoRoot.find().resolve("notebook/pom.xml"));
        for (String artifact : new String[] {"jjava-jupyter", "jupyter-jvm-basekernel"}) {
            Matcher m = Pattern.compile("<artifactId>" + artifact + "</artifactId>.*?<scope>(\\w+)</scope>", Pattern.DOTALL)
                    .matcher(pom);
            assertTrue(m.find(), artifact);
            assertTrue(m.group(1).equals("provided"), artifact + " is " + m.group(1));
        }
    }
}
