package dev.newsbatch.display;

import java.awt.Color;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Lays out a horizontal bar chart: a title, a legend when there are several series, one row per
 * category (labels right-aligned on the left, under the category axis name), one bar per series with
 * its value at the bar's end, and a value axis with grid lines, tick labels and its name below.
 *
 * <p>The value axis is linear from zero, or logarithmic ({@link Scale#LOG}) for values spanning
 * orders of magnitude: then it runs from a power of ten at or below the smallest value (lowered a
 * decade at a time until the smallest bar is at least 15% as long as the largest) to the largest
 * value, with ticks at powers of ten (and 2 and 5 times them over three decades or fewer); the labels
 * still show true values. Values at or below zero draw no bar but keep their label.
 *
 * @param title           the chart's title
 * @param categoryAxis    name of the categories, shown above their labels ("" for none)
 * @param valueAxis       name of the values, shown under the value axis ("" for none)
 * @param categories      category labels, top to bottom
 * @param series          one or more series with a value per category
 * @param categoryColours a colour per category for a single series, or null for the series' colour
 * @param format          how values (and the axis ticks) are written
 * @param scale           linear or logarithmic value axis
 * @param whole           the values are whole numbers, so linear ticks are too
 */
record BarChart(String title, String categoryAxis, String valueAxis, List<String> categories, List<Series> series,
                List<Color> categoryColours, DoubleFunction<String> format, Scale scale, boolean whole) {
    static final int WIDTH = 720;
    static final Color BACKGROUND = new Color(0xFF, 0xFF, 0xFF);
    static final Color BORDER = new Color(0xD0, 0xD7, 0xDE);
    static final Color INK = new Color(0x1F, 0x23, 0x28);
    static final Color MUTED = new Color(0x57, 0x60, 0x6A);
    static final Color GRID = new Color(0xE3, 0xE7, 0xEB);
    static final Color AXIS = new Color(0x8C, 0x95, 0x9F);
    private static final double PAD = 16;
    private static final double TITLE_SIZE = 16;
    private static final double LABEL_SIZE = 13;
    private static final double SMALL_SIZE = 12;
    private static final double MAX_LABEL = 230;

    enum Scale { LINEAR, LOG }

    /** One series of values, one per category. */
    record Series(String name, Color colour, List<Double> values) {
        Series {
            values = List.copyOf(values);
        }
    }

    BarChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        categoryColours = categoryColours == null ? null : List.copyOf(categoryColours);
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size()
                        + " values for " + categories.size() + " categories");
            }
        }
    }

    /** A chart of one series, each category in its own colour (or all in {@code colour} if colours is null). */
    static BarChart single(String title, String categoryAxis, String valueAxis, List<String> categories,
                           List<Double> values, Color colour, List<Color> colours, DoubleFunction<String> format,
                           boolean whole) {
        return new BarChart(title, categoryAxis, valueAxis, categories, List.of(new Series("", colour, values)),
                colours, format, Scale.LINEAR, whole);
    }

    BarChart withScale(Scale s) {
        return new BarChart(title, categoryAxis, valueAxis, categories, series, categoryColours, format, s, whole);
    }

    /** The largest positive value over the smallest positive one (1 if there are none). */
    double spread() {
        double min = positives().min().orElse(1);
        double max = positives().max().orElse(1);
        return max / min;
    }

    private java.util.stream.DoubleStream positives() {
        return series.stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue)
                .filter(v -> v > 0 && Double.isFinite(v));
    }

    Chart render() {
        int bars = categories.size() * series.size();
        return new Chart(title, bars, layout());
    }

    Scene layout() {
        List<Scene.Shape> out = new ArrayList<>();
        double inner = WIDTH - 2 * PAD;
        double y = PAD;
        out.add(new Scene.Text("title", PAD, y + 13, Scene.fit(title, inner, TITLE_SIZE, true), TITLE_SIZE, true,
                Scene.Anchor.START, INK));
        y += 28;

        if (series.size() > 1) {
            double x = PAD;
            for (Series s : series) {
                out.add(new Scene.Rect("swatch", x, y, 12, 12, s.colour(), null));
                out.add(new Scene.Text("legend", x + 17, y + 10.5, s.name(), SMALL_SIZE, false, Scene.Anchor.START, INK));
                x += 17 + Scene.textWidth(s.name(), SMALL_SIZE, false) + 20;
            }
            y += 22;
        }

        List<String> labels = categories.stream().map(c -> Scene.fit(c, MAX_LABEL, LABEL_SIZE, false)).toList();
        double labelWidth = labels.stream().mapToDouble(l -> Scene.textWidth(l, LABEL_SIZE, false)).max().orElse(0);
        if (!categoryAxis.isBlank()) {
            String name = Scene.fit(categoryAxis, inner, SMALL_SIZE, true);
            out.add(new Scene.Text("axis-label", PAD, y + 10, name, SMALL_SIZE, true, Scene.Anchor.START, MUTED));
            y += 18;
        }

        List<List<String>> values = new ArrayList<>();
        double valueWidth = 0;
        for (Series s : series) {
            List<String> formatted = s.values().stream().map(format::apply).toList();
            values.add(formatted);
            for (String f : formatted) {
                valueWidth = Math.max(valueWidth, Scene.textWidth(f, SMALL_SIZE, false));
            }
        }
        Axis axis = scale == Scale.LOG && positives().findAny().isPresent() ? logAxis() : linearAxis();
        double firstTick = Scene.textWidth(tick(axis.ticks().get(0)), SMALL_SIZE, false) / 2;
        double lastTick = axis.log() ? 0 : Scene.textWidth(tick(axis.ticks().get(axis.ticks().size() - 1)), SMALL_SIZE, false) / 2;
        double left = PAD + Math.max(labelWidth + 10, firstTick);
        double right = WIDTH - PAD - Math.max(valueWidth + 8, lastTick);

        double bar = series.size() > 1 ? 16 : 20;
        double gap = 10;
        double row = series.size() * bar + gap;
        int rows = Math.max(1, categories.size());
        double plotTop = y;
        double plotBottom = plotTop + rows * row;

        for (double t : axis.ticks()) {
            double x = axis.position(t, left, right);
            out.add(new Scene.Line("grid", x, plotTop, x, plotBottom, GRID));
            out.add(new Scene.Text("tick", x, plotBottom + 16, tick(t), SMALL_SIZE, false,
                    Scene.Anchor.MIDDLE, MUTED));
        }
        out.add(new Scene.Line("axis", left, plotTop, left, plotBottom, AXIS));
        out.add(new Scene.Line("axis", left, plotBottom, right, plotBottom, AXIS));

        if (categories.isEmpty()) {
            out.add(new Scene.Text("empty", left + 8, plotTop + row / 2 + 4, "no data", LABEL_SIZE, false,
                    Scene.Anchor.START, MUTED));
        }
        for (int c = 0; c < categories.size(); c++) {
            double top = plotTop + c * row + gap / 2;
            out.add(new Scene.Text("category", left - 8, top + series.size() * bar / 2 + 4.5, labels.get(c),
                    LABEL_SIZE, false, Scene.Anchor.END, INK));
            for (int s = 0; s < series.size(); s++) {
                Series sr = series.get(s);
                double v = sr.values().get(c);
                double end = axis.position(v, left, right);
                Color colour = categoryColours != null ? categoryColours.get(c % categoryColours.size()) : sr.colour();
                String value = values.get(s).get(c);
                String tip = categories.get(c) + (sr.name().isEmpty() ? "" : ", " + sr.name()) + ": " + value;
                double by = top + s * bar;
                out.add(new Scene.Rect("bar", left, by + 1, end - left, bar - 2, colour, tip));
                out.add(new Scene.Text("value", end + 5, by + bar / 2 + 4, value, SMALL_SIZE, false,
                        Scene.Anchor.START, INK));
            }
        }
        y = plotBottom + 16;
        if (!valueAxis.isBlank()) {
            out.add(new Scene.Text("axis-label", (left + right) / 2, y + 20,
                    Scene.fit(valueAxis, inner, SMALL_SIZE, true), SMALL_SIZE, true, Scene.Anchor.MIDDLE, MUTED));
            y += 20;
        }
        int height = (int) Math.ceil(y + PAD);
        return new Scene(title, WIDTH, height, BACKGROUND, BORDER, out);
    }

    // ------------------------------------------------------------------ scales

    /** A value axis: its ticks and how a value maps to a length. */
    private record Axis(List<Double> ticks, boolean log, double lo, double hi) {
        double position(double v, double left, double right) {
            if (!(v > 0) || !Double.isFinite(v)) {
                return left;
            }
            double f = log ? Math.log(v / lo) / Math.log(hi / lo) : v / hi;
            return left + (right - left) * Math.max(0, Math.min(1, f));
        }
    }

    /** A tick's label: the values' format without a trailing ".00". */
    private String tick(double t) {
        return format.apply(t).replaceFirst("(\\d)\\.0+$", "$1");
    }

    private Axis linearAxis() {
        double max = positives().max().orElse(whole ? 4 : 1);
        double step = niceStep(max / 6, whole);
        double hi = Math.ceil(max / step - 1e-9) * step;
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= hi + step / 1000; i++) {
            ticks.add(round(i * step));
        }
        return new Axis(ticks, false, 0, hi);
    }

    private Axis logAxis() {
        double min = positives().min().orElseThrow();
        double max = positives().max().orElseThrow();
        double lo = Math.pow(10, Math.floor(Math.log10(min) + 1e-9));
        double hi = Math.max(max, lo * 10);
        while (Math.log(min / lo) < 0.15 * Math.log(hi / lo)) {
            lo /= 10;
        }
        boolean fine = hi / lo <= 1000;
        List<Double> ticks = new ArrayList<>();
        for (double decade = lo; decade <= hi * (1 + 1e-9); decade *= 10) {
            for (double m : fine ? new double[] {1, 2, 5} : new double[] {1}) {
                double t = round(decade * m);
                if (t <= hi * (1 + 1e-9)) {
                    ticks.add(t);
                }
            }
        }
        return new Axis(ticks, true, lo, hi);
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code raw}; for whole numbers no fractions nor 2.5. */
    private static double niceStep(double raw, boolean whole) {
        if (!(raw > 0)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        boolean quarter = !whole || mag >= 10;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 && quarter ? 2.5 : f <= 5 ? 5 : 10;
        return whole ? Math.max(1, nice * mag) : nice * mag;
    }

    private static double round(double v) {
        return new BigDecimal(v).round(new MathContext(10)).doubleValue();
    }

    /** A number with three significant digits below 1, two decimals below 100, none above. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        } else if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        } else if (Math.abs(v) >= 1 || v == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return "BarChart[" + title + ", " + categories.size() + " categories, " + series.size() + " series, "
                + scale + "]";
    }
}
