package dev.newsbatch.display;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded plain-text table, as JShell and notebooks show values: the first rows, {@code ...}, the
 * last rows, then a footer such as {@code 1204 rows x 4 columns}. Values are cut at a maximum width.
 *
 * <pre>{@code
 * String t = TextTable.of(List.of("id", "sentiment")).maxRows(10).render(rows, 1204);
 * }</pre>
 */
public final class TextTable {
    private final List<String> headers;
    private final int maxRows;
    private final int maxWidth;

    private TextTable(List<String> headers, int maxRows, int maxWidth) {
        this.headers = List.copyOf(headers);
        this.maxRows = maxRows;
        this.maxWidth = maxWidth;
    }

    /** A table with these column headers, showing at most 10 rows of at most 40 characters a value. */
    public static TextTable of(List<String> headers) {
        return new TextTable(headers, 10, 40);
    }

    /** A copy showing at most {@code n} rows (half from the start, half from the end). */
    public TextTable maxRows(int n) {
        return new TextTable(headers, Math.max(2, n), maxWidth);
    }

    /** A copy cutting values at {@code n} characters. */
    public TextTable maxWidth(int n) {
        return new TextTable(headers, maxRows, Math.max(4, n));
    }

    /**
     * Renders {@code rows} (each a list of cells), of which there are {@code total} in all. When
     * {@code total} is larger, {@code rows} is taken as the first half and last half of the set and
     * {@code ...} marks the gap.
     */
    public String render(List<List<String>> rows, long total) {
        List<List<String>> shown = new ArrayList<>();
        int head;
        boolean cut;
        if (rows.size() > maxRows) {
            head = (maxRows + 1) / 2;
            cut = true;
            for (int i = 0; i < head; i++) {
                shown.add(cells(rows.get(i)));
            }
            for (int i = rows.size() - maxRows / 2; i < rows.size(); i++) {
                shown.add(cells(rows.get(i)));
            }
        } else {
            cut = total > rows.size();
            head = (rows.size() + 1) / 2;
            rows.forEach(r -> shown.add(cells(r)));
        }
        int[] width = new int[headers.size()];
        for (int c = 0; c < headers.size(); c++) {
            width[c] = headers.get(c).length();
            for (List<String> r : shown) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder("\n");
        line(out, headers, width);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            rule.append(c == 0 ? "" : " ").append("-".repeat(width[c]));
        }
        out.append(rule).append('\n');
        for (int i = 0; i < shown.size(); i++) {
            if (cut && i == head) {
                out.append("...\n");
            }
            line(out, shown.get(i), width);
        }
        out.append(total).append(total == 1 ? " row x " : " rows x ").append(headers.size())
                .append(headers.size() == 1 ? " column" : " columns");
        return out.toString();
    }

    private List<String> cells(List<String> row) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) {
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

    @Override
    public String toString() {
        return "TextTable" + headers;
    }
}
