package dev.newsbatch.notebook;

import dev.newsbatch.display.Chart;
import dev.newsbatch.display.Html;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a notebook shows for a value: always {@code text/plain} (its {@code toString()}), plus a
 * {@link Chart} as {@value #SVG} (vector, text drawn by the browser), or the HTML that
 * {@link Html#of} renders for the other types it knows. Kernels and the notebook runner show the
 * same bundle.
 *
 * @param text the plain text
 * @param html an HTML rendering, or null
 * @param svg  an SVG image, or null
 */
record Rendering(String text, String html, String svg) {
    static final String SVG = "image/svg+xml";

    /** The richest rendering of {@code value}. */
    static Rendering of(Object value) {
        String text = String.valueOf(value);
        if (value instanceof Chart chart) {
            return new Rendering(text, null, chart.svg());
        }
        return new Rendering(text, Html.of(value).orElse(null), null);
    }

    /** A rendering of an HTML fragment with a plain-text stand-in. */
    static Rendering html(String html, String text) {
        return new Rendering(text, html, null);
    }

    /** The MIME type a kernel shows {@code type} as beside {@code text/plain}. */
    static String mimeType(Class<?> type) {
        return type == Chart.class ? SVG : "text/html";
    }

    /** The MIME bundle: text, and HTML or SVG. */
    Map<String, String> bundle() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("text/plain", text);
        if (html != null) {
            out.put("text/html", html);
        }
        if (svg != null) {
            out.put(SVG, svg);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Rendering" + bundle().keySet();
    }
}
