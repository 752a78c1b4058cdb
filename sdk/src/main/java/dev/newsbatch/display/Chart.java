package dev.newsbatch.display;

import dev.newsbatch.internal.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * A chart: an immutable value holding a vector drawing, shown by notebooks as SVG and printed by
 * JShell as one line. Make one with {@link Charts}. A PNG is drawn only when asked for, at twice the
 * SVG's size in pixels (for sharp text on high-density screens and in documents).
 *
 * <pre>{@code
 * Chart c = Charts.sentiment(results);
 * c.svg();                          // <svg xmlns=...>...</svg>, text set by the browser
 * c.save(Path.of("sentiment.svg")); // the SVG
 * c.save(Path.of("sentiment.png")); // a 1440-pixel-wide PNG
 * Html.chart(c);                    // the SVG, inline
 * System.out.println(c);            // Chart[Sentiment of 120 articles, 3 bars, SVG]
 * }</pre>
 */
public final class Chart {
    /** Device pixels per SVG pixel in {@link #png()}. */
    public static final int PNG_SCALE = 2;

    private final String title;
    private final int bars;
    private final Scene scene;
    private final String svg;

    Chart(String title, int bars, Scene scene) {
        this.title = title;
        this.bars = bars;
        this.scene = scene;
        this.svg = scene.svg();
    }

    /** The chart's title. */
    public String title() {
        return title;
    }

    /** Number of bars drawn (categories times series). */
    public int bars() {
        return bars;
    }

    /** Width of the SVG in CSS pixels. */
    public int width() {
        return scene.width();
    }

    /** Height of the SVG in CSS pixels. */
    public int height() {
        return scene.height();
    }

    /**
     * The chart as a standalone SVG document ({@code <svg xmlns="http://www.w3.org/2000/svg" ...>},
     * no XML prolog, so it can also be inlined in HTML). All text is escaped XML.
     */
    public String svg() {
        return svg;
    }

    /**
     * The chart drawn as a PNG with Java2D, {@value #PNG_SCALE} times the SVG's width and height.
     * Drawn anew on each call.
     *
     * @throws IllegalStateException if Java2D finds no font on this machine
     */
    public byte[] png() {
        return scene.png(PNG_SCALE);
    }

    /** {@link #png()} in base64. */
    public String base64() {
        return Base64.getEncoder().encodeToString(png());
    }

    /**
     * Writes the chart to {@code file}, creating its directory if needed: SVG for a {@code .svg} file
     * name, a {@link #png() PNG} for {@code .png} (case ignored).
     *
     * @return the file written
     * @throws IllegalArgumentException for any other file name
     * @throws UncheckedIOException     if the file cannot be written
     */
    public Path save(Path file) {
        Checks.notNull(file, "file");
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        byte[] bytes;
        if (lower.endsWith(".svg")) {
            bytes = svg.getBytes(StandardCharsets.UTF_8);
        } else if (lower.endsWith(".png")) {
            bytes = png();
        } else {
            throw new IllegalArgumentException("cannot save a chart as " + file
                    + ": the file name must end in .svg or .png");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Charts are equal when they draw the same SVG. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Chart c && c.svg.equals(svg);
    }

    @Override
    public int hashCode() {
        return svg.hashCode();
    }

    @Override
    public String toString() {
        return "Chart[" + title + ", " + bars + (bars == 1 ? " bar" : " bars") + ", SVG]";
    }
}
