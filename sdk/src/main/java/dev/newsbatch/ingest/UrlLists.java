package dev.newsbatch.ingest;

import dev.newsbatch.InvalidInputException;
import dev.newsbatch.internal.Checks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads URL lists: one URL per line, UTF-8. Blank lines are ignored, and so is everything from a {@code #} that
 * starts a line or follows a space or tab (a {@code #} inside a URL is its fragment). Each URL must be an
 * absolute http or https URL. Repeated URLs are dropped silently, keeping the first.
 *
 * <pre>{@code
 * List<URI> urls = UrlLists.read(Path.of("urls.txt"));
 * }</pre>
 */
public final class UrlLists {
    private UrlLists() {}

    /**
     * The URLs of {@code file}, in order, without repeats.
     *
     * @throws InvalidInputException listing every bad line (with its line number), if there is any
     * @throws UncheckedIOException if the file cannot be read
     */
    public static List<URI> read(Path file) {
        Checks.notNull(file, "file");
        ProblemLog log = new ProblemLog(file);
        Set<URI> urls = new LinkedHashSet<>();
        try (InputStream in = Files.newInputStream(file);
             BufferedReader lines = new BufferedReader(new StrictUtf8Reader(in, log))) {
            String text;
            long line = 0;
            while ((text = lines.readLine()) != null) {
                line++;
                String url = withoutComment(text).strip();
                if (url.isEmpty()) {
                    continue;
                }
                URI uri = HttpUrls.parse(url);
                if (uri == null) {
                    log.add(line, -1, "url", HttpUrls.rule() + ", was \"" + Checks.abbreviate(url, 200) + "\"");
                } else {
                    urls.add(uri);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (log.size() > 0) {
            throw new InvalidInputException(log.all());
        }
        return new ArrayList<>(urls);
    }

    static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
