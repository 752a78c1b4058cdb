package dev.newsbatch.display;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import javax.imageio.ImageIO;

/**
 * Draws a horizontal bar chart with Java2D into a PNG: one row per category, one bar per series
 * (with a legend when there are several), the value at the end of each bar.
 */
final class BarChart {
    static final int WIDTH = 720;
    static final Color BACKGROUND = Color.WHITE;
    private static final Color INK = new Color(0x21, 0x21, 0x21);
    private static final Color GRID = new Color(0xBD, 0xBD, 0xBD);
    private static final int BAR = 18;
    private static final int GAP = 10;
    private static final int PAD = 16;
    private static final int VALUE_SPACE = 110;
    private static final int MAX_LABEL = 240;

    /** One series of values, one per category. */
    record Series(String name, Color colour, List<Double> values) {
        Series {
            values = List.copyOf(values);
        }
    }

    private final String title;
    private final List<String> categories;
    private final List<Series> series;
    private final List<Color> categoryColours;
    private final DoubleFunction<String> format;
    private final TextPainter text;

    private BarChart(String title, List<String> categories, List<Series> series, List<Color> categoryColours,
                     DoubleFunction<String> format, TextPainter text) {
        this.title = title;
        this.categories = List.copyOf(categories);
        this.series = List.copyOf(series);
        this.categoryColours = categoryColours == null ? null : List.copyOf(categoryColours);
        this.format = format;
        this.text = text;
    }

    /** A chart of one series, each category in its own colour (or all in {@code colour} if colours is null). */
    static BarChart single(String title, List<String> categories, List<Double> values, Color colour,
                           List<Color> colours, DoubleFunction<String> format) {
        return new BarChart(title, categories, List.of(new Series("", colour, values)), colours, format,
                TextPainter.best());
    }

    /** A chart of several series side by side per category, with a legend. */
    static BarChart grouped(String title, List<String> categories, List<Series> series, DoubleFunction<String> format) {
        return new BarChart(title, categories, series, null, format, TextPainter.best());
    }

    /** The same chart drawn with another text painter. */
    BarChart with(TextPainter painter) {
        return new BarChart(title, categories, series, categoryColours, format, painter);
    }

    Chart render() {
        boolean legend = series.size() > 1;
        int titleHeight = text.lineHeight(true) + PAD;
        int legendHeight = legend ? text.lineHeight(false) + 8 : 0;
        int row = series.size() * BAR + GAP;
        int rows = Math.max(1, categories.size());
        int height = PAD + titleHeight + legendHeight + rows * row + PAD;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, WIDTH, height);
            text.draw(g, title, PAD, PAD, INK, true);
            int top = PAD + titleHeight;
            if (legend) {
                int x = PAD;
                for (Series s : series) {
                    g.setColor(s.colour());
                    g.fillRect(x, top + 2, 12, 12);
                    text.draw(g, s.name(), x + 16, top, INK, false);
                    x += 16 + text.width(s.name(), false) + 24;
                }
                top += legendHeight;
            }
            if (categories.isEmpty()) {
                text.draw(g, "no data", PAD, top, INK, false);
                return new Chart(title, WIDTH, height, png(image));
            }
            int labelWidth = 0;
            List<String> labels = new ArrayList<>();
            for (String c : categories) {
                String label = fit(c, MAX_LABEL);
                labels.add(label);
                labelWidth = Math.max(labelWidth, text.width(label, false));
            }
            int left = PAD + labelWidth + 10;
            int barSpace = WIDTH - left - VALUE_SPACE;
            double max = series.stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue)
                    .filter(v -> v > 0).max().orElse(1);
            g.setColor(GRID);
            g.drawLine(left, top - 4, left, top + rows * row - GAP + 4);
            for (int c = 0; c < categories.size(); c++) {
                int y = top + c * row;
                int labelY = y + (series.size() * BAR - text.lineHeight(false)) / 2;
                text.draw(g, labels.get(c), PAD, labelY, INK, false);
                for (int s = 0; s < series.size(); s++) {
                    double v = series.get(s).values().get(c);
                    int w = v <= 0 ? 0 : Math.max(1, (int) Math.round(barSpace * v / max));
                    g.setColor(categoryColours != null ? categoryColours.get(c % categoryColours.size())
                            : series.get(s).colour());
                    g.fillRect(left + 1, y + s * BAR + 2, w, BAR - 4);
                    text.draw(g, format.apply(v), left + w + 6,
                            y + s * BAR + (BAR - text.lineHeight(false)) / 2, INK, false);
                }
            }
        } finally {
            g.dispose();
        }
        return new Chart(title, WIDTH, height, png(image));
    }

    private String fit(String label, int max) {
        if (text.width(label, false) <= max) {
            return label;
        }
        String cut = label;
        while (cut.length() > 1 && text.width(cut + "…", false) > max) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart as PNG", e);
        }
    }

    @Override
    public String toString() {
        return "BarChart[" + title + ", " + categories.size() + " categories, " + series.size() + " series]";
    }
}
