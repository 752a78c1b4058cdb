package dev.newsbatch.notebook;

import dev.newsbatch.display.Chart;
import dev.newsbatch.display.Html;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a notebook shows for a value: always {@code text/plain} (its {@code toString()}), plus an image
 * for a {@link Chart}, or the HTML that {@link Html#of} renders for the other types it knows.
 *
 * <p>A chart carries its PNG and, when {@link Chart} has a public {@code String svg()} method, its SVG
 * too. A kernel shows the SVG ({@link #kernelBundle()}); the notebook runner keeps storing the PNG
 * ({@link #bundle()}).
 *
 * @param text the plain text
 * @param html an HTML rendering, or null
 * @param png  a PNG image in base64, or null
 * @param svg  an SVG image, or null
 */
record Rendering(String text, String html, String png, String svg) {
    static final String SVG = "image/svg+xml";
    static final String PNG = "image/png";
    private static final Method CHART_SVG = chartSvgMethod();

    /** The richest rendering of {@code value}. */
    static Rendering of(Object value) {
        String text = String.valueOf(value);
        if (value instanceof Chart chart) {
            return new Rendering(text, null, chart.base64(), svgOf(chart));
        }
        return new Rendering(text, Html.of(value).orElse(null), null, null);
    }

    /** A rendering of an HTML fragment with a plain-text stand-in. */
    static Rendering html(String html, String text) {
        return new Rendering(text, html, null, null);
    }

    /** True if charts can be drawn as SVG ({@code Chart.svg()} exists). */
    static boolean chartsHaveSvg() {
        return CHART_SVG != null;
    }

    /** The MIME type a kernel shows a chart as: {@value #SVG} if charts have an SVG, else {@value #PNG}. */
    static String chartMimeType() {
        return chartsHaveSvg() ? SVG : PNG;
    }

    /** The MIME bundle, as the notebook runner stores it: text, HTML and PNG. */
    Map<String, String> bundle() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("text/plain", text);
        if (html != null) {
            out.put("text/html", html);
        }
        if (png != null) {
            out.put(PNG, png);
        }
        return out;
    }

    /** The MIME bundle a kernel shows: as {@link #bundle()}, with a chart's SVG in place of its PNG if it has one. */
    Map<String, String> kernelBundle() {
        Map<String, String> out = bundle();
        if (svg != null) {
            out.remove(PNG);
            out.put(SVG, svg);
        }
        return out;
    }

    private static String svgOf(Chart chart) {
        if (CHART_SVG == null) {
            return null;
        }
        try {
            return (String) CHART_SVG.invoke(chart);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return null;
        }
    }

    /** {@code public String svg()} of {@link Chart}, if the display package has it. */
    private static Method chartSvgMethod() {
        try {
            Method m = Chart.class.getMethod("svg");
            return m.getReturnType() == String.class && !Modifier.isStatic(m.getModifiers()) ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "Rendering" + kernelBundle().keySet();
    }
}
