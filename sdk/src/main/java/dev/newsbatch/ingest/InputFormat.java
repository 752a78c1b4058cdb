package dev.newsbatch.ingest;

import dev.newsbatch.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The article file formats {@link ArticleFiles} reads.
 *
 * <pre>{@code
 * InputFormat.detect(Path.of("batch_contents.json"));   // JSON_ARRAY
 * }</pre>
 */
public enum InputFormat {
    /** A JSON array of {@code {"id","title","contents"[,"url"]}} objects ({@code .json}). */
    JSON_ARRAY,
    /** One such JSON object per line ({@code .jsonl}, {@code .ndjson}). */
    JSONL,
    /** RFC 4180 CSV with a header row naming {@code id,title,contents[,url]} in any order ({@code .csv}). */
    CSV;

    /**
     * The format of {@code file}: by extension, else by its first non-blank bytes
     * ({@code [} → JSON array, <code>{</code> → JSONL, anything else → CSV).
     *
     * @throws UncheckedIOException if the file cannot be read while sniffing
     */
    public static InputFormat detect(Path file) {
        Checks.notNull(file, "file");
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return JSON_ARRAY;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        return sniff(file);
    }

    private static InputFormat sniff(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4096);
            int i = 0;
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                i = 3;
            }
            while (i < head.length && Character.isWhitespace(head[i])) {
                i++;
            }
            if (i < head.length && head[i] == '[') {
                return JSON_ARRAY;
            }
            if (i < head.length && head[i] == '{') {
                return JSONL;
            }
            return CSV;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
