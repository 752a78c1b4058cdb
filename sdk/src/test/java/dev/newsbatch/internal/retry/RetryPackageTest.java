package dev.newsbatch.internal.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RetryPackageTest {
    private static final Pattern NEWSBATCH_TYPE = Pattern.compile("dev/newsbatch/[A-Za-z0-9_/$]+");

    @Test
    void referencesNoOtherNewsbatchPackage() throws Exception {
        Path classes = Path.of(RetryPolicy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path pkg = classes.resolve("dev/newsbatch/internal/retry");
        List<Path> files;
        try (Stream<Path> s = Files.list(pkg)) {
            files = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertTrue(files.size() >= 4, "compiled classes of the package: " + files);
        TreeSet<String> outside = new TreeSet<>();
        for (Path f : files) {
            outside.addAll(foreignTypes(f));
        }
        assertEquals(new TreeSet<String>(), outside);
    }

    /** The dev.newsbatch types outside this package that a class file names in its constant pool. */
    private static List<String> foreignTypes(Path classFile) throws IOException {
        String text = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
        Matcher m = NEWSBATCH_TYPE.matcher(text);
        TreeSet<String> found = new TreeSet<>();
        while (m.find()) {
            if (!m.group().startsWith("dev/newsbatch/internal/retry/")) {
                found.add(classFile.getFileName() + " -> " + m.group());
            }
        }
        return List.copyOf(found);
    }
}
