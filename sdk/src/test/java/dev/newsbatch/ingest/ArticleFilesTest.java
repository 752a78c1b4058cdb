package dev.newsbatch.ingest;

import dev.newsbatch.InputProblem;
import dev.newsbatch.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.Article;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesTest {
    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ArticleFilesTest.class.getResource("/ingest/" + name).toURI());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static List<String> lines(List<InputProblem> problems) {
        return problems.stream().map(InputProblem::toString).collect(Collectors.toList());
    }

    @Test
    void readsJsonArrayWithNumericIdAndIgnoresExtraFields() throws Exception {
        List<Article> articles = ArticleFiles.readAll(resource("batch_contents.json"));
        assertEquals(2, articles.size());
        assertEquals(new Article("a1", "Rates rise", "The central bank raised rates.", null), articles.get(0));
        assertEquals("2", articles.get(1).id());
        assertEquals("https://example.com/shares", articles.get(1).url());
    }

    @Test
    void readsJsonLinesSkippingBlankLines() throws Exception {
        Path f = write("a.jsonl", "{\"id\":\"x\",\"title\":\"T\",\"contents\":\"C\"}\n\n{\"id\":\"y\",\"title\":\"U\",\"contents\":\"D\"}\n");
        assertEquals(List.of("x", "y"), ArticleFiles.readAll(f).stream().map(Article::id).collect(Collectors.toList()));
    }

    @Test
    void readsJsonLinesWithAByteOrderMarkAnyLineEndsAndTextBeyondAscii() throws Exception {
        Path f = write("b.jsonl", "\uFEFF{\"id\":\"x\",\"title\":\"\u00c7ay \u4e2d\",\"contents\":\"\ud83d\ude00 ok\"}\r\n"
                + "\u3000 \r{\"id\":\"y\",\"title\":\"T\",\"contents\":\"a\\u00e9\\n\"}\r"
                + "{\"id\":\"z\",\"title\":\"T\",\"contents\":\"bad \\ud800\"}");
        assertEquals(List.of("b.jsonl line 4: field \"contents\" has a lone surrogate (U+D800) at character 4, "
                + "expected valid Unicode text"), lines(ArticleFiles.check(f)));
        Path good = write("c.jsonl", "\uFEFF{\"id\":\"x\",\"title\":\"\u00c7ay \u4e2d\",\"contents\":\"\ud83d\ude00 ok\"}\r\n"
                + "\u3000 \r{\"id\":\"y\",\"title\":\"T\",\"contents\":\"a\\u00e9\\n\"}");
        List<Article> articles = ArticleFiles.readAll(good);
        assertEquals(new Article("x", "\u00c7ay \u4e2d", "\ud83d\ude00 ok", null), articles.get(0));
        assertEquals(new Article("y", "T", "a\u00e9\n", null), articles.get(1));
    }

    @Test
    void readsCsvWithQuotesEscapedQuotesMultilineFieldsAndAnyColumnOrder() throws Exception {
        List<Article> articles = ArticleFiles.readAll(resource("articles.csv"));
        assertEquals(2, articles.size());
        assertEquals(new Article("c1", "Quote \"this\"", "Line one\nline two, with comma", "https://example.com/1"), articles.get(0));
        assertNull(articles.get(1).url());
    }

    @Test
    void csvReportsLineOfRowAfterMultilineField() throws Exception {
        Path f = write("a.csv", "id,title,contents\n1,\"two\nlines\",x\n2,t,\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ArticleFiles.readAll(f));
        assertEquals(List.of("a.csv line 4: field \"contents\" is empty"), lines(e.problems()));
    }

    @Test
    void csvReportsMissingHeaderColumn() throws Exception {
        Path f = write("a.csv", "id,headline,contents\n1,t,c\n");
        List<String> problems = lines(ArticleFiles.check(f));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("a.csv line 1: field \"title\" is missing from the CSV header"), problems.get(0));
    }

    @Test
    void csvReportsWrongFieldCountAndUnclosedQuote() throws Exception {
        Path f = write("a.csv", "id,title,contents\n1,t\n2,t,\"never closed\n");
        assertEquals(List.of("a.csv line 2: has 2 fields, the header has 3",
                "a.csv line 3: has a quoted field that is never closed"), lines(ArticleFiles.check(f)));
    }

    @Test
    void listsEveryProblemOfJsonArrayWithLineElementAndField() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ArticleFiles.readAll(resource("bad_contents.json")));
        assertEquals(List.of(
                "bad_contents.json line 3 (element 1): field \"contents\" is missing",
                "bad_contents.json line 4 (element 2): field \"id\" duplicates the id on line 2, was \"a1\"",
                "bad_contents.json line 5 (element 3): field \"title\" is empty",
                "bad_contents.json line 5 (element 3): field \"url\" must be an absolute http or https URL, was \"ftp://example.com/x\"",
                "bad_contents.json line 6 (element 4): must be an object, was VALUE_STRING",
                "bad_contents.json line 7 (element 5): field \"title\" must be a string, was an array"),
                lines(e.problems()));
        assertTrue(e.getMessage().startsWith("6 problems in "), e.getMessage());
        assertTrue(e.getMessage().contains("\n  bad_contents.json line 3 (element 1): field \"contents\" is missing"));
    }

    @Test
    void jsonLinesKeepsGoingAfterMalformedLine() throws Exception {
        Path f = write("articles.jsonl", "{\"id\":\"x\",\"title\":\"T\",\"contents\":\"C\"}\n"
                + "{\"id\":\"y\",\"title\":\"T\",\n"
                + "{\"id\":\"z\",\"title\":\"T\"}\n"
                + "[1]\n");
        List<String> problems = lines(ArticleFiles.check(f));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("articles.jsonl line 2: malformed JSON: "), problems.get(0));
        assertEquals("articles.jsonl line 3: field \"contents\" is missing", problems.get(1));
        assertEquals("articles.jsonl line 4: must be a JSON object, was an array", problems.get(2));
    }

    @Test
    void reportsMalformedJsonArrayWithLine() throws Exception {
        Path f = write("a.json", "[\n{\"id\":\"x\",\"title\":\"T\",\"contents\":\"C\"},\n{\"id\":\"y\" \"title\":\"T\"}\n]");
        List<String> problems = lines(ArticleFiles.check(f));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("a.json line 3 (element 1): malformed JSON: "), problems.get(0));
    }

    @Test
    void reportsUnclosedArray() throws Exception {
        Path f = write("a.json", "[\n{\"id\":\"x\",\"title\":\"T\",\"contents\":\"C\"},\n");
        List<String> problems = lines(ArticleFiles.check(f));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("malformed JSON"), problems.get(0));
    }

    @Test
    void reportsEveryNonUtf8LineAndKeepsReading() throws Exception {
        byte[] good = "{\"id\":\"x\",\"title\":\"T\",\"contents\":\"C\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "{\"id\":\"y\",\"title\":\"caf\u00e9\",\"contents\":\"C\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] last = "{\"id\":\"z\",\"title\":\"T\"}\n".getBytes(StandardCharsets.UTF_8);
        Path f = dir.resolve("latin1.jsonl");
        Files.write(f, concat(good, bad, good, bad, last));
        List<String> problems = lines(ArticleFiles.check(f));
        assertEquals(List.of(
                "latin1.jsonl line 2: is not valid UTF-8: byte 0xE9",
                "latin1.jsonl line 3: field \"id\" duplicates the id on line 1, was \"x\"",
                "latin1.jsonl line 4: is not valid UTF-8: byte 0xE9",
                "latin1.jsonl line 4: field \"id\" duplicates the id on line 2, was \"y\"",
                "latin1.jsonl line 5: field \"contents\" is missing"), problems);
    }

    @Test
    void invalidUtf8IsReportedInJsonArrayToo() throws Exception {
        Path f = dir.resolve("a.json");
        Files.write(f, concat("[\n{\"id\":\"x\",\"title\":\"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28},
                "\",\"contents\":\"C\"}\n]".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("a.json line 2: is not valid UTF-8: byte 0xC3"), lines(ArticleFiles.check(f)));
    }

    @Test
    void skipsByteOrderMark() throws Exception {
        Path f = dir.resolve("bom.csv");
        Files.write(f, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "id,title,contents\n1,t,c\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("1", ArticleFiles.readAll(f).get(0).id());
    }

    @Test
    void detectsFormatByContentWhenExtensionIsUnknown() throws Exception {
        assertEquals(InputFormat.JSON_ARRAY, InputFormat.detect(write("a.txt", "  [ ]")));
        assertEquals(InputFormat.JSONL, InputFormat.detect(write("b.txt", "{\"id\":1}")));
        assertEquals(InputFormat.CSV, InputFormat.detect(write("c", "id,title,contents\n")));
        assertEquals(InputFormat.JSONL, InputFormat.detect(dir.resolve("d.ndjson")));
    }

    @Test
    void streamsArticlesAndStopsAtFirstProblem() throws Exception {
        Path f = write("s.jsonl", "{\"id\":\"1\",\"title\":\"T\",\"contents\":\"C\"}\n{\"id\":\"2\",\"title\":\"T\"}\n");
        List<String> ids = new ArrayList<>();
        try (ArticleStream articles = ArticleFiles.stream(f)) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> articles.forEach(a -> ids.add(a.id())));
            assertEquals("s.jsonl line 2: field \"contents\" is missing", e.problems().get(0).toString());
        }
        assertEquals(List.of("1"), ids);
    }

    @Test
    void streamReadsLargeArrayWithoutHoldingIt() throws Exception {
        Path f = dir.resolve("big.json");
        try (var w = Files.newBufferedWriter(f)) {
            w.write("[");
            for (int i = 0; i < 20_000; i++) {
                w.write((i == 0 ? "" : ",") + "{\"id\":" + i + ",\"title\":\"t\",\"contents\":\"c\"}\n");
            }
            w.write("]");
        }
        try (ArticleStream articles = ArticleFiles.stream(f)) {
            assertEquals(20_000, articles.stream().count());
        }
    }

    @Test
    void messageIsCappedWithCountOfTheRest() throws Exception {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            s.append("{\"id\":\"").append(i).append("\",\"title\":\"t\"}\n");
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ArticleFiles.readAll(write("m.jsonl", s.toString())));
        assertEquals(60, e.problems().size());
        assertTrue(e.getMessage().endsWith("\n  ... and 10 more"), e.getMessage());
        assertFalse(e.getMessage().contains("line 51:"));
    }

    @Test
    void readAllRejectsNullFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArticleFiles.readAll(null));
        assertTrue(e.getMessage().contains("file"));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    @Test
    void wrongTypedContentsAndIdAreReportedWithLineAndField() throws Exception {
        Path f = write("types.jsonl", String.join("\n",
                "{\"id\":\"1\",\"title\":\"t\",\"contents\":5}",
                "{\"id\":\"2\",\"title\":\"t\",\"contents\":true}",
                "{\"id\":\"3\",\"title\":\"t\",\"contents\":{\"a\":1}}",
                "{\"id\":\"4\",\"title\":\"t\",\"contents\":[1]}",
                "{\"id\":\"5\",\"title\":\"t\",\"contents\":null}",
                "{\"id\":{\"a\":1},\"title\":\"t\",\"contents\":\"x\"}",
                "{\"id\":[1],\"title\":\"t\",\"contents\":\"x\"}",
                "{\"id\":false,\"title\":\"t\",\"contents\":\"x\"}",
                "{\"id\":null,\"title\":\"t\",\"contents\":\"x\"}",
                "{\"id\":10,\"title\":\"t\",\"contents\":\"x\"}") + "\n");
        assertEquals(List.of(
                "types.jsonl line 1: field \"contents\" must be a string, was 5",
                "types.jsonl line 2: field \"contents\" must be a string, was true",
                "types.jsonl line 3: field \"contents\" must be a string, was an object",
                "types.jsonl line 4: field \"contents\" must be a string, was an array",
                "types.jsonl line 5: field \"contents\" must be a string, was null",
                "types.jsonl line 6: field \"id\" must be a string or a whole number, was an object",
                "types.jsonl line 7: field \"id\" must be a string or a whole number, was an array",
                "types.jsonl line 8: field \"id\" must be a string or a whole number, was false",
                "types.jsonl line 9: field \"id\" must be a string or a whole number, was null"),
                lines(ArticleFiles.check(f)));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ArticleFiles.readAll(f));
        assertEquals(9, e.problems().size());
        Path array = write("types.json", "[\n{\"id\":\"1\",\"title\":\"t\",\"contents\":5}\n]");
        assertEquals(List.of("types.json line 2 (element 0): field \"contents\" must be a string, was 5"),
                lines(assertThrows(InvalidInputException.class, () -> ArticleFiles.readAll(array)).problems()));
    }

    @Test
    void streamingAWrongTypedFieldFailsWithTheProblemNotANullPointer() throws Exception {
        Path f = write("types.jsonl", "{\"id\":\"1\",\"title\":\"t\",\"contents\":5}\n");
        try (ArticleStream s = ArticleFiles.stream(f)) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> s.iterator().hasNext());
            assertEquals(List.of("types.jsonl line 1: field \"contents\" must be a string, was 5"), lines(e.problems()));
        }
    }

    @Test
    void fileWithoutArticlesIsRefused() throws Exception {
        assertEquals(List.of("empty.json: no articles, expected at least one"),
                lines(ArticleFiles.check(write("empty.json", "[ ]\n"))));
        assertEquals(List.of("empty.jsonl: no articles, expected at least one"),
                lines(ArticleFiles.check(write("empty.jsonl", ""))));
        assertEquals(List.of("blank.jsonl: no articles, expected at least one"),
                lines(ArticleFiles.check(write("blank.jsonl", "\n  \n"))));
        assertEquals(List.of("header.csv: no articles, expected at least one"),
                lines(ArticleFiles.check(write("header.csv", "id,title,contents\n"))));
        Path empty = write("e.jsonl", "");
        assertThrows(InvalidInputException.class, () -> ArticleFiles.readAll(empty));
        try (ArticleStream s = ArticleFiles.stream(empty)) {
            assertThrows(InvalidInputException.class, () -> s.iterator().hasNext());
        }
    }

    @Test
    void invisibleOnlyTextCountsAsEmpty() throws Exception {
        Path f = write("blank.jsonl", String.join("\n",
                "{\"id\":\"1\",\"title\":\"t\",\"contents\":\" \\u00a0\\t\"}",
                "{\"id\":\"2\",\"title\":\"t\",\"contents\":\"\\u200b\\u200c\\u200d\\ufeff\\u2060\"}",
                "{\"id\":\"3\",\"title\":\"\\u00a0\",\"contents\":\"fine\"}",
                "{\"id\":\"\\u200b\",\"title\":\"t\",\"contents\":\"fine\"}",
                "{\"id\":\"5\",\"title\":\"t\",\"contents\":\"\\u200bword\"}") + "\n");
        assertEquals(List.of(
                "blank.jsonl line 1: field \"contents\" is empty: only whitespace or invisible characters",
                "blank.jsonl line 2: field \"contents\" is empty: only whitespace or invisible characters",
                "blank.jsonl line 3: field \"title\" is empty: only whitespace or invisible characters",
                "blank.jsonl line 4: field \"id\" is empty: only whitespace or invisible characters"),
                lines(ArticleFiles.check(f)));
    }

    @Test
    void loneSurrogatesAndNulCharactersAreRefused() throws Exception {
        Path f = write("bad.jsonl", String.join("\n",
                "{\"id\":\"1\",\"title\":\"t\",\"contents\":\"\\ud800x\"}",
                "{\"id\":\"2\",\"title\":\"t\",\"contents\":\"a\\u0000b\"}",
                "{\"id\":\"3\",\"title\":\"x\\udc00\",\"contents\":\"fine\"}",
                "{\"id\":\"4\\u0000\",\"title\":\"t\",\"contents\":\"fine\"}",
                "{\"id\":\"5\",\"title\":\"t\",\"contents\":\"fine\",\"url\":\"https://example.com/\\ud83d\"}",
                "{\"id\":\"6\",\"title\":\"t\",\"contents\":\"emoji \\ud83d\\ude00 is fine\"}") + "\n");
        assertEquals(List.of(
                "bad.jsonl line 1: field \"contents\" has a lone surrogate (U+D800) at character 0, expected valid Unicode text",
                "bad.jsonl line 2: field \"contents\" has a NUL character (U+0000) at character 1, expected text without NUL characters",
                "bad.jsonl line 3: field \"title\" has a lone surrogate (U+DC00) at character 1, expected valid Unicode text",
                "bad.jsonl line 4: field \"id\" has a NUL character (U+0000) at character 1, expected text without NUL characters",
                "bad.jsonl line 5: field \"url\" has a lone surrogate (U+D83D) at character 20, expected valid Unicode text"),
                lines(ArticleFiles.check(f)));
        Path array = write("bad.json", "[{\"id\":\"1\",\"title\":\"t\",\"contents\":\"\\ud800x\"}]");
        assertEquals(List.of("bad.json line 1 (element 0): field \"contents\" has a lone surrogate (U+D800) at character 0, "
                + "expected valid Unicode text"), lines(ArticleFiles.check(array)));
    }

    @Test
    void articleTextRules() {
        assertNull(ArticleText.problem("Rates rise", true));
        assertNull(ArticleText.problem(null, false));
        assertNull(ArticleText.problem(" ", false));
        assertEquals("is missing", ArticleText.problem(null, true));
        assertEquals("is empty", ArticleText.problem("", true));
        assertTrue(ArticleText.isEmpty("\u2007\u202f\u3000\u200b"));
        assertFalse(ArticleText.isEmpty("\u200bx"));
        assertNull(ArticleText.invalidUnicode("\ud83d\ude00"));
        assertTrue(ArticleText.invalidUnicode("\ude00\ud83d").contains("U+DE00"));
        assertTrue(ArticleText.problem("x\u0000", false).contains("NUL"));
    }
}
