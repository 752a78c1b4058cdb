package dev.newsbatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsbatch.InvalidInputException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlListsTest {
    @TempDir
    Path dir;

    @Test
    void ignoresBlankLinesCommentsAndRepeats() throws Exception {
        Path f = Files.writeString(dir.resolve("urls.txt"), "# news for today\n\n"
                + "https://example.com/a   # trailing comment\n"
                + "  http://example.com/b#section\n"
                + "https://example.com/a\n");
        assertEquals(List.of(URI.create("https://example.com/a"), URI.create("http://example.com/b#section")), UrlLists.read(f));
    }

    @Test
    void reportsEveryBadLineWithItsNumber() throws Exception {
        Path f = Files.writeString(dir.resolve("urls.txt"), "https://example.com/a\nftp://example.com/x\nnot a url\nhttps:///nohost\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> UrlLists.read(f));
        assertEquals(List.of(
                "urls.txt line 2: field \"url\" must be an absolute http or https URL, was \"ftp://example.com/x\"",
                "urls.txt line 3: field \"url\" must be an absolute http or https URL, was \"not a url\"",
                "urls.txt line 4: field \"url\" must be an absolute http or https URL, was \"https:///nohost\""),
                e.problems().stream().map(Object::toString).collect(Collectors.toList()));
    }
}
