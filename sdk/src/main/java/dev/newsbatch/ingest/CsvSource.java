package dev.newsbatch.ingest;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads RFC 4180 CSV: a header row, comma separators, fields optionally in double quotes, {@code ""} for a
 * quote inside a quoted field, and line breaks inside quoted fields. Header names are matched without
 * regard to case or surrounding spaces; unknown columns are ignored; entirely blank lines are skipped.
 */
final class CsvSource implements RecordSource {
    private final PushbackReader in;
    private final ProblemLog log;
    private long line = 1;
    private long rowLine;
    private int[] columns;      // column position -> index in FIELDS order, or -1
    private String[] names;
    private long index = -1;
    private boolean done;

    CsvSource(Reader in, ProblemLog log) {
        this.in = new PushbackReader(new java.io.BufferedReader(in, 64 * 1024), 1);
        this.log = log;
    }

    @Override
    public RawRecord next() throws IOException {
        if (done) {
            return null;
        }
        if (columns == null && !readHeader()) {
            done = true;
            return null;
        }
        List<String> row;
        while ((row = row()) != null) {
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue;
            }
            index++;
            if (row.size() != columns.length) {
                log.add(rowLine, -1, null, "has " + row.size() + " fields, the header has " + columns.length);
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < columns.length; i++) {
                if (columns[i] >= 0) {
                    fields.put(names[i], row.get(i));
                }
            }
            if ("".equals(fields.get("url"))) {
                fields.remove("url");
            }
            return new RawRecord(rowLine, index, fields);
        }
        done = true;
        return null;
    }

    private boolean readHeader() throws IOException {
        List<String> header = row();
        while (header != null && header.size() == 1 && header.get(0).isBlank()) {
            header = row();
        }
        if (header == null) {
            log.add(-1, -1, null, "is empty, expected a header row naming id, title and contents");
            return false;
        }
        columns = new int[header.size()];
        names = new String[header.size()];
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            names[i] = name;
            columns[i] = JsonObjects.FIELDS.contains(name) ? i : -1;
        }
        boolean ok = true;
        for (String required : List.of("id", "title", "contents")) {
            if (!List.of(names).contains(required)) {
                log.add(rowLine, -1, required, "is missing from the CSV header, was " + header);
                ok = false;
            }
        }
        return ok;
    }

    /** One row's fields, or null at end of input. */
    private List<String> row() throws IOException {
        int c = in.read();
        if (c < 0) {
            return null;
        }
        rowLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (c == '"' && field.length() == 0 && !quoted) {
                quoted = true;
                if (!readQuoted(field)) {
                    fields.add(field.toString());
                    return fields;
                }
                c = in.read();
                if (c >= 0 && c != ',' && c != '\n' && c != '\r') {
                    log.add(line, -1, null, "has text after a closing quote: '" + (char) c + "'");
                }
                continue;
            }
            if (c < 0 || c == '\n' || c == '\r') {
                fields.add(field.toString());
                if (c == '\r') {
                    int n = in.read();
                    if (n != '\n' && n >= 0) {
                        in.unread(n);
                    }
                }
                if (c >= 0) {
                    line++;
                }
                return fields;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                quoted = false;
            } else {
                field.append((char) c);
            }
            c = in.read();
        }
    }

    /** Reads a quoted field's text after its opening quote; false when the input ends inside the quotes. */
    private boolean readQuoted(StringBuilder field) throws IOException {
        long start = line;
        while (true) {
            int c = in.read();
            if (c < 0) {
                log.add(start, -1, null, "has a quoted field that is never closed");
                return false;
            }
            if (c == '"') {
                int n = in.read();
                if (n == '"') {
                    field.append('"');
                    continue;
                }
                if (n >= 0) {
                    in.unread(n);
                }
                return true;
            }
            if (c == '\n') {
                line++;
            }
            field.append((char) c);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
