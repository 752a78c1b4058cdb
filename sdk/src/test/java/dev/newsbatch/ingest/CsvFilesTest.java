package dev.newsbatch.ingest;

import dev.newsbatch.InputProblem;
import dev.newsbatch.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.Article;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV article files: quoting, record lines, and the problems a broken file reports. */
class CsvFilesTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("a.csv"), text, StandardCharsets.UTF_8);
    }

    private static List<String> problems(Path file) {
        return ArticleFiles.check(file).stream().map(InputProblem::toString).collect(Collectors.toList());
    }

    @Test
    void quotedFieldsKeepEmbeddedLineBreaksQuotesAndCommas() throws Exception {
        Path f = write("id,title,contents\r\n"
                + "1,\"He said \"\"no\"\"\",\"First line\r\nsecond, with comma\nthird\"\r\n"
                + "2,\"\"\"\",\"\"\"quoted\"\" start\"\r\n");
        List<Article> articles = ArticleFiles.readAll(f);
        assertEquals(new Article("1", "He said \"no\"", "First line\r\nsecond, with comma\nthird", null), articles.get(0));
        assertEquals(new Article("2", "\"", "\"quoted\" start", null), articles.get(1));
    }

    @Test
    void problemInMultilineRecordNamesTheLineTheRecordStartsOn() throws Exception {
        Path f = write("id,title,contents\n1,\"a\nb\nc\",\n2,t,c\n2,t,c\n");
        assertEquals(List.of("a.csv line 2: field \"contents\" is empty",
                "a.csv line 6: field \"id\" duplicates the id on line 5, was \"2\""), problems(f));
    }

    @Test
    void rowWithMissingColumnIsReportedOnItsLine() throws Exception {
        Path f = write("id,title,contents\n1,\"two\nlines\",c\n2,t\n3,t,c\n");
        assertEquals(List.of("a.csv line 4: has 2 fields, the header has 3"), problems(f));
    }

    @Test
    void headerWithoutContentsColumnIsReported() throws Exception {
        Path f = write("\n\nID, Title ,body\n1,t,c\n");
        assertEquals(List.of("a.csv line 3: field \"contents\" is missing from the CSV header, was [ID,  Title , body]"),
                problems(f));
    }

    @Test
    void invalidUtf8ByteIsReportedWithItsLineAndReadingGoesOn() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("id,title,contents\n1,t,c\n2,\"caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9);
        bytes.writeBytes("\n\",c\n3,t,\n".getBytes(StandardCharsets.UTF_8));
        Path f = Files.write(dir.resolve("a.csv"), bytes.toByteArray());
        assertEquals(List.of("a.csv line 3: is not valid UTF-8: byte 0xE9",
                "a.csv line 5: field \"contents\" is empty"), problems(f));
    }

    @Test
    void truncatedFileNamesTheFileAndTheLineWhereTheQuoteOpens() throws Exception {
        Path f = write("id,title,contents\n1,t,c\n2,\"two\nlines\",\"cut off in the mid");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ArticleFiles.readAll(f));
        assertEquals(List.of("a.csv line 4: has a quoted field that is never closed"),
                e.problems().stream().map(InputProblem::toString).collect(Collectors.toList()));
        assertTrue(e.getMessage().startsWith("1 problem in "), e.getMessage());
        assertTrue(e.getMessage().endsWith("\n  a.csv line 4: has a quoted field that is never closed"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsNotAlsoReportedAsEmpty() throws Exception {
        Path f = write("id,\"title,contents\n");
        assertEquals(List.of("a.csv line 1: has a quoted field that is never closed"), problems(f));
    }

    @Test
    void textAfterClosingQuoteIsReportedAndLaterRowsAreStillRead() throws Exception {
        Path f = write("id,title,contents\n1,\"t\"x,c\n2,t,\n");
        assertEquals(List.of("a.csv line 2: has text after a closing quote: 'x'",
                "a.csv line 3: field \"contents\" is empty"), problems(f));
    }

    @Test
    void emptyFileAsksForHeader() throws Exception {
        assertEquals(List.of("a.csv: is empty, expected a header row naming id, title and contents"), problems(write("\n\n")));
    }

    @Test
    void streamReadsCsvOneRecordAtATime() throws Exception {
        Path f = write("url,contents,title,id\nhttps://example.com/1,C1,T1,1\n,C2,T2,2\n");
        try (ArticleStream articles = ArticleFiles.stream(f)) {
            assertEquals(InputFormat.CSV, articles.format());
            assertEquals(List.of(new Article("1", "T1", "C1", "https://example.com/1"), new Article("2", "T2", "C2", null)),
                    articles.stream().collect(Collectors.toList()));
        }
    }

    @Test
    void duplicatedHeaderColumnIsRefusedNamingIt() throws Exception {
        assertEquals(List.of("a.csv line 1: field \"id\" is named twice in the CSV header (columns 1 and 2), "
                + "expected each of id, title, contents and url at most once"),
                problems(write("id,id,title,contents\n1,2,t,c\n")));
        assertEquals(List.of("a.csv line 1: field \"contents\" is named twice in the CSV header (columns 3 and 4), "
                + "expected each of id, title, contents and url at most once"),
                problems(write("id,title,contents, Contents \n1,t,c,d\n")));
        assertEquals(1, ArticleFiles.readAll(write("id,title,contents,note,note\n1,t,c,x,y\n")).size());
    }

    @Test
    void nulAndInvisibleOnlyFieldsAreRefused() throws Exception {
        assertEquals(List.of("a.csv line 2: field \"contents\" has a NUL character (U+0000) at character 1, "
                        + "expected text without NUL characters",
                "a.csv line 3: field \"contents\" is empty: only whitespace or invisible characters"),
                problems(write("id,title,contents\n1,t,a\u0000b\n2,t,\u00a0\u200b\n")));
    }

    @Test
    void headerOnlyFileIsRefused() throws Exception {
        assertEquals(List.of("a.csv: no articles, expected at least one"), problems(write("id,title,contents\r\n\r\n")));
    }
}
