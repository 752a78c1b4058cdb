package dev.newsbatch.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The bounded plain-text table that {@link dev.newsbatch.Results#toString()} and
 * {@code display.TextTable} print: a header, a rule, the rows given (values cut at a maximum width),
 * {@code ...} between the first and the last half when the set has more rows than are given, then a
 * footer such as {@code 1204 rows x 4 columns}.
 */
public final class TextGrid {
    private TextGrid() {}

    /** A classification field as one cell: lists joined with {@code "; "}, missing and null empty. */
    public static String cell(com.fasterxml.jackson.databind.JsonNode v) {
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(x -> parts.add(x.asText()));
            return String.join("; ", parts);
        }
        return v.isMissingNode() || v.isNull() ? "" : v.asText();
    }

    /** Renders {@code shown} rows of a set of {@code total}, cutting values at {@code maxWidth} characters. */
    public static String render(List<String> headers, List<List<String>> shown, long total, int maxWidth) {
        List<List<String>> cells = new ArrayList<>();
        shown.forEach(r -> cells.add(cells(r, headers.size(), maxWidth)));
        boolean cut = total > cells.size();
        int head = (cells.size() + 1) / 2;
        int[] width = new int[headers.size()];
        for (int c = 0; c < headers.size(); c++) {
            width[c] = headers.get(c).length();
            for (List<String> r : cells) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder("\n");
        line(out, headers, width);
        for (int c = 0; c < width.length; c++) {
            out.append(c == 0 ? "" : " ").append("-".repeat(width[c]));
        }
        out.append('\n');
        for (int i = 0; i < cells.size(); i++) {
            if (cut && i == head) {
                out.append("...\n");
            }
            line(out, cells.get(i), width);
        }
        out.append(total).append(total == 1 ? " row x " : " rows x ").append(headers.size())
                .append(headers.size() == 1 ? " column" : " columns");
        return out.toString();
    }

    private static List<String> cells(List<String> row, int columns, int maxWidth) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            String v = c < row.size() && row.get(c) != null ? row.get(c).replace('\n', ' ') : "";
            out.add(v.length() <= maxWidth ? v : v.substring(0, maxWidth - 1) + "…");
        }
        return out;
    }

    private static void line(StringBuilder out, List<String> cells, int[] width) {
        for (int c = 0; c < width.length; c++) {
            String v = cells.get(c);
            out.append(c == 0 ? "" : " ").append(v);
            if (c < width.length - 1) {
                out.append(" ".repeat(width[c] - v.length()));
            }
        }
        out.append('\n');
    }
}
