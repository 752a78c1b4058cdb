package dev.newsbatch.display;

import dev.newsbatch.internal.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * A chart drawn as a PNG image: a plain value that notebooks show as an image and JShell prints as
 * one line. Make one with {@link Charts}.
 *
 * <pre>{@code
 * Chart c = Charts.sentiment(results);
 * c.save(Path.of("sentiment.png"));
 * Html.chart(c);                // an <img> element with the image inline
 * System.out.println(c);        // Chart[Sentiment of 120 articles, 720x232 PNG, 9.1 kB]
 * }</pre>
 */
public final class Chart {
    private final String title;
    private final int width;
    private final int height;
    private final byte[] png;

    Chart(String title, int width, int height, byte[] png) {
        this.title = title;
        this.width = width;
        this.height = height;
        this.png = png.clone();
    }

    /** The chart's title. */
    public String title() {
        return title;
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** The PNG image (a copy). */
    public byte[] png() {
        return png.clone();
    }

    /** The PNG image in base64, as notebooks store images. */
    public String base64() {
        return Base64.getEncoder().encodeToString(png);
    }

    /**
     * Writes the PNG image to {@code file}, creating its directory if needed.
     *
     * @return the file written
     * @throws UncheckedIOException if the file cannot be written
     */
    public Path save(Path file) {
        Checks.notNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Chart[%s, %dx%d PNG, %.1f kB]", title, width, height, png.length / 1000.0);
    }
}
