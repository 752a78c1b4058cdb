package dev.newsbatch.notebook;

import dev.newsbatch.display.Chart;
import dev.newsbatch.display.Html;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a notebook shows for a value: always {@code text/plain} (its {@code toString()}), plus a PNG
 * image for a {@link Chart}, or the HTML that {@link Html#of} renders for the other types it knows.
 *
 * @param text the plain text
 * @param html an HTML rendering, or null
 * @param png  a PNG image in base64, or null
 */
record Rendering(String text, String html, String png) {

    /** The richest rendering of {@code value}. */
    static Rendering of(Object value) {
        String text = String.valueOf(value);
        if (value instanceof Chart chart) {
            return new Rendering(text, null, chart.base64());
        }
        return new Rendering(text, Html.of(value).orElse(null), null);
    }

    /** A rendering of an HTML fragment with a plain-text stand-in. */
    static Rendering html(String html, String text) {
        return new Rendering(text, html, null);
    }

    /** The MIME bundle, as Jupyter stores it. */
    Map<String, String> bundle() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("text/plain", text);
        if (html != null) {
            out.put("text/html", html);
        }
        if (png != null) {
            out.put("image/png", png);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Rendering" + bundle().keySet();
    }
}
