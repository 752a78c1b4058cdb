package dev.newsbatch.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sdk's shape, checked on its compiled classes: no package cycle below the root, an API package
 * that reaches the implementation only through {@code internal}, and a package doc everywhere.
 */
class ArchitectureTest {
    private static final JavaClasses SDK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/dev/newsbatch/emulator/"))
            .importPackages("dev.newsbatch");

    @Test
    void importsTheWholeSdk() {
        Set<String> packages = SDK.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(packages.containsAll(List.of("dev.newsbatch", "dev.newsbatch.internal", "dev.newsbatch.internal.run",
                "dev.newsbatch.internal.plan", "dev.newsbatch.internal.engine", "dev.newsbatch.internal.store",
                "dev.newsbatch.internal.gemini", "dev.newsbatch.internal.realtime", "dev.newsbatch.ingest")), packages.toString());
        assertTrue(packages.stream().noneMatch(p -> p.startsWith("dev.newsbatch.emulator")), packages.toString());
    }

    @Test
    void packagesBelowTheRootFormNoCycle() {
        slices().matching("dev.newsbatch.(**)").should().beFreeOfCycles().check(SDK);
    }

    @Test
    void theRootPackageImportsNeitherDisplayNorTheOrchestration() {
        noClasses().that().resideInAPackage("dev.newsbatch")
                .should().dependOnClassesThat().resideInAnyPackage("dev.newsbatch.display..",
                        "dev.newsbatch.internal.run..")
                .check(SDK);
    }

    @Test
    void theRootPackageReachesTheImplementationOnlyThroughTheInternalSeam() {
        noClasses().that().resideInAPackage("dev.newsbatch")
                .should().dependOnClassesThat().resideInAnyPackage("dev.newsbatch.internal.*..",
                        "dev.newsbatch.ingest..")
                .check(SDK);
    }

    @Test
    void onlyTheApiAndTheRendererPackagesArePublicOutsideInternal() {
        Set<String> outside = SDK.stream().filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getPackageName).filter(p -> !p.startsWith("dev.newsbatch.internal"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("dev.newsbatch", "dev.newsbatch.schema", "dev.newsbatch.display", "dev.newsbatch.ingest"),
                outside);
    }

    @Test
    void onlyTheRunnerUsesTheOrchestrationPackage() {
        noClasses().that().resideOutsideOfPackage("dev.newsbatch.internal.run..")
                .should().dependOnClassesThat().resideInAPackage("dev.newsbatch.internal.run..")
                .check(SDK);
    }

    @Test
    void everySdkPackageSaysWhatItOwns() throws IOException {
        Path main = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            List<Path> dirs = files.filter(Files::isDirectory)
                    .filter(d -> hasJava(d)).toList();
            List<Path> missing = dirs.stream().filter(d -> !Files.exists(d.resolve("package-info.java"))).toList();
            assertEquals(List.of(), missing, "packages without a package-info.java");
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
