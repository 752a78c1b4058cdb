package dev.newsbatch.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads article records from CSV ({@link CsvRows} splits the rows): the first non-blank row is the header.
 * Header names are matched without regard to case or surrounding spaces; unknown columns are ignored;
 * entirely blank lines are skipped. A record is located by the line it starts on.
 */
final class CsvSource implements RecordSource {
    private final CsvRows rows;
    private final ProblemLog log;
    /** The header's names by column, {@code null} for a column that is not an article field. */
    private String[] names;
    private long index = -1;
    private boolean done;

    CsvSource(Reader in, ProblemLog log) throws IOException {
        this.rows = new CsvRows(in, log);
        this.log = log;
    }

    @Override
    public RawRecord next() throws IOException {
        if (done) {
            return null;
        }
        if (names == null && !readHeader()) {
            done = true;
            return null;
        }
        CsvRows.Row row;
        while ((row = rows.next()) != null) {
            List<String> values = row.fields();
            if (values.size() == 1 && values.get(0).isEmpty()) {
                continue;
            }
            index++;
            if (values.size() != names.length) {
                log.add(row.line(), -1, null, "has " + values.size() + " fields, the header has " + names.length);
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                if (names[i] != null) {
                    fields.put(names[i], values.get(i));
                }
            }
            if ("".equals(fields.get("url"))) {
                fields.remove("url");
            }
            return new RawRecord(row.line(), index, fields);
        }
        done = true;
        return null;
    }

    private boolean readHeader() throws IOException {
        CsvRows.Row header = rows.next();
        while (header != null && header.fields().size() == 1 && header.fields().get(0).isBlank()) {
            header = rows.next();
        }
        if (header == null) {
            if (!rows.truncated()) {
                log.add(-1, -1, null, "is empty, expected a header row naming id, title and contents");
            }
            return false;
        }
        List<String> given = header.fields();
        names = new String[given.size()];
        for (int i = 0; i < given.size(); i++) {
            String name = given.get(i).strip().toLowerCase(Locale.ROOT);
            names[i] = JsonObjects.FIELDS.contains(name) ? name : null;
        }
        boolean ok = true;
        for (int i = 0; i < names.length; i++) {
            int first = Arrays.asList(names).indexOf(names[i]);
            if (names[i] != null && first < i) {
                log.add(header.line(), -1, names[i], "is named twice in the CSV header (columns " + (first + 1)
                        + " and " + (i + 1) + "), expected each of id, title, contents and url at most once");
                ok = false;
            }
        }
        for (String required : List.of("id", "title", "contents")) {
            if (!Arrays.asList(names).contains(required)) {
                log.add(header.line(), -1, required, "is missing from the CSV header, was " + given);
                ok = false;
            }
        }
        return ok;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
