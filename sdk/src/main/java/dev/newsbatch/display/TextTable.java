package dev.newsbatch.display;

import dev.newsbatch.internal.TextGrid;
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
        if (rows.size() <= maxRows) {
            return TextGrid.render(headers, rows, total, maxWidth);
        }
        List<List<String>> shown = new ArrayList<>(rows.subList(0, (maxRows + 1) / 2));
        shown.addAll(rows.subList(rows.size() - maxRows / 2, rows.size()));
        return TextGrid.render(headers, shown, total, maxWidth);
    }

    @Override
    public String toString() {
        return "TextTable" + headers;
    }
}
