package dev.newsbatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.schema.ClassificationSchema;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without DuckDB's driver on the class path (it is optional), {@code toParquet} says what to add. */
class ParquetWithoutDuckDbTest {
    @TempDir
    Path dir;

    /** Run in a JVM whose class path lacks DuckDB: tries the export and prints what it was told. */
    public static void main(String[] args) {
        try {
            new Results<>("n", ClassificationSchema.news(), List.of(), List.of(), new Usage(0, 0, 0))
                    .toParquet(Path.of(args[0]));
            System.out.println("written");
        } catch (UnsupportedOperationException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }

    @Test
    void toParquetNamesTheMissingDependencyAndWritesNothing() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("duckdb")).collect(Collectors.joining(File.pathSeparator));
        assertTrue(System.getProperty("java.class.path").contains("duckdb"), "the test itself has DuckDB");
        Path target = dir.resolve("out.parquet");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classPath, ParquetWithoutDuckDbTest.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("refused: Parquet export needs DuckDB's JDBC driver (org.duckdb:duckdb_jdbc, an "
                + "optional dependency of newsbatch-sdk) on the class path"), out);
        assertFalse(Files.exists(target));
    }
}
