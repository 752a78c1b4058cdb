package dev.newsbatch.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbatch.Results;
import dev.newsbatch.Row;
import dev.newsbatch.display.TextTable;
import dev.newsbatch.schema.NewsClassification;
import java.util.ArrayList;
import java.util.List;

/**
 * The classified articles of a run as a table for the terminal: id, financial, sentiment, confidence,
 * sectors, companies and the English summary, the summary cut so that a row fits the terminal width
 * ({@code COLUMNS}, else 120 characters); for a schema other than the news one, the id and its fields.
 *
 * <pre>{@code
 * println(ResultsTable.render(results.rows(), ResultsTable.terminalWidth(), 50));
 * }</pre>
 */
final class ResultsTable {
    private static final List<String> HEADERS = List.of("id", "fin", "sentiment", "conf", "sectors", "companies",
            "summary");
    /** Widest id, sectors and companies cell before it is cut. */
    private static final int ID = 16;
    private static final int LIST = 24;

    private ResultsTable() {}

    /** The terminal's width from {@code COLUMNS}, 120 when unset or not a number; at least 60. */
    static int terminalWidth() {
        try {
            return Math.max(60, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120").strip()));
        } catch (NumberFormatException e) {
            return 120;
        }
    }

    /**
     * The rows of {@code results} as {@link #render(List, int, int)} shows news rows; rows of another
     * schema get the id and that schema's top-level fields as columns, lists joined with ", ", objects
     * as JSON, the last column cut to fit {@code width}.
     */
    @SuppressWarnings("unchecked")
    static String render(Results<?> results, int width, int maxRows) {
        if (ResultsSummary.isNews(results)) {
            return render((List<Row<NewsClassification>>) (List<?>) results.rows(), width, maxRows);
        }
        List<String> headers = new ArrayList<>(List.of("id"));
        headers.addAll(results.schema().columns());
        List<List<String>> cells = new ArrayList<>();
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
        }
        for (Row<?> r : results.rows()) {
            JsonNode v = Output.JSON.valueToTree(r.value());
            List<String> row = new ArrayList<>(List.of(cut(r.id(), ID)));
            List<String> columns = results.schema().columns();
            for (int i = 0; i < columns.size(); i++) {
                String text = cell(v.path(columns.get(i)));
                row.add(i == columns.size() - 1 ? oneLine(text) : cut(text, LIST));   // the last one fits the width
            }
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
            cells.add(row);
        }
        int used = 0;
        for (int i = 0; i < widths.length - 1; i++) {
            used += widths[i] + 1;
        }
        int last = Math.max(10, width - used - 1);
        return TextTable.of(headers).maxRows(maxRows).maxWidth(Math.max(last, LIST)).render(cells.stream().map(row -> {
            List<String> copy = new ArrayList<>(row);
            copy.set(copy.size() - 1, cut(row.get(row.size() - 1), last));
            return (List<String>) copy;
        }).toList(), cells.size()).strip();
    }

    /** A value in a cell: text as it is, a list of plain values joined with ", ", anything else as JSON. */
    private static String cell(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return "";
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        boolean plain = v.isArray();
        for (JsonNode x : v) {
            plain &= x.isValueNode();
        }
        if (!plain) {
            return v.toString();
        }
        List<String> parts = new ArrayList<>();
        v.forEach(x -> parts.add(x.asText()));
        return String.join(", ", parts);
    }

    /** Up to {@code maxRows} rows (first and last halves when there are more) fitting {@code width}. */
    static String render(List<Row<NewsClassification>> rows, int width, int maxRows) {
        List<List<String>> cells = new ArrayList<>();
        int[] widths = new int[HEADERS.size() - 1];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = HEADERS.get(i).length();
        }
        for (Row<NewsClassification> r : rows) {
            NewsClassification c = r.value();
            List<String> row = List.of(cut(r.id(), ID), String.valueOf(c.isFinancial()), String.valueOf(c.sentiment()),
                    String.valueOf(c.confidentScore()), cut(String.join(", ", c.sector()), LIST),
                    cut(String.join(", ", c.companies()), LIST), oneLine(c.summaryEn()));
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
            cells.add(row);
        }
        int used = 0;
        for (int w : widths) {
            used += w + 1;
        }
        int summary = Math.max(10, width - used - 1);
        List<List<String>> fitted = cells.stream().map(row -> {
            List<String> copy = new ArrayList<>(row);
            copy.set(copy.size() - 1, cut(row.get(row.size() - 1), summary));
            return (List<String>) copy;
        }).toList();
        String table = TextTable.of(HEADERS).maxRows(maxRows).maxWidth(Math.max(summary, LIST))
                .render(fitted, fitted.size()).strip();
        return table;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static String cut(String text, int max) {
        String t = oneLine(text);
        return t.length() <= max ? t : t.substring(0, Math.max(1, max - 1)) + "…";
    }
}
