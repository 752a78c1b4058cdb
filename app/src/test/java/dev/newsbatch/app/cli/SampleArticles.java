package dev.newsbatch.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small article files for tests. */
final class SampleArticles {
    private static final String[] TEXTS = {
        "Bosphorus Bank shares rose 4 percent after the bank reported record quarterly profit and raised its dividend.",
        "Northwind Energy cut its outlook and its shares fell, blaming weak demand for oil and rising costs.",
        "The city council opened a new public library downtown with a reading festival for children.",
        "Atlas Motors agreed to acquire a battery maker for 300 million dollars to expand its electric car line.",
        "Helios Solar won a contract to build a solar farm; analysts expect the deal to lift earnings next year."
    };

    private SampleArticles() {}

    /** A JSON array of {@code n} articles {@code a1..an}. */
    static Path jsonArray(Path file, int n) {
        StringBuilder s = new StringBuilder("[\n");
        for (int i = 1; i <= n; i++) {
            s.append(String.format("  {\"id\": \"a%d\", \"title\": \"Story %d\", \"contents\": \"%s\"}%s%n", i, i,
                    TEXTS[(i - 1) % TEXTS.length], i < n ? "," : ""));
        }
        return write(file, s.append("]\n").toString());
    }

    /** JSONL of {@code n} short articles, streamed (for large counts). */
    static Path jsonLines(Path file, int n) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= n; i++) {
                w.write("{\"id\":\"n" + i + "\",\"title\":\"T" + i + "\",\"contents\":\""
                        + TEXTS[i % TEXTS.length] + "\"}\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
