package dev.newsbatch.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits RFC 4180 CSV into rows with Jackson's {@link CsvParser}: comma separators, fields optionally in double
 * quotes, {@code ""} for a quote inside a quoted field, and line breaks inside quoted fields. Each row knows the
 * line it starts on. Syntax problems are logged: a quoted field that is never closed (on the line where its
 * quote opens; reading stops there) and text after a closing quote (on its line; that row is left out).
 */
final class CsvRows implements Closeable {
    private static final CsvFactory CSV = CsvFactory.builder().build();
    /** Jackson's description of the offending character, e.g. {@code Unexpected character ('d' (code 100))}. */
    private static final Pattern CHAR_CODE = Pattern.compile("^Unexpected character \\(.*?\\(code (\\d+)");

    /** One row: the line it starts on and its fields in order. */
    record Row(long line, List<String> fields) {}

    private final CsvParser p;
    private final ProblemLog log;
    private boolean done;
    private boolean truncated;

    CsvRows(Reader in, ProblemLog log) throws IOException {
        this.p = CSV.createParser(in);
        this.p.setSchema(CsvSchema.emptySchema());
        this.log = log;
    }

    /** The next row, or {@code null} at the end of the input or once a quoted field is found never closed. */
    Row next() throws IOException {
        while (!done) {
            if (p.nextToken() == null) {
                done = true;
                return null;
            }
            Row r = row();
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** True when reading stopped at a syntax problem before the end of the input. */
    boolean truncated() {
        return truncated;
    }

    /** The fields of the row whose START_ARRAY was just read; null when it is left out or reading stopped. */
    private Row row() throws IOException {
        long line = p.currentLocation().getLineNr();
        List<String> fields = new ArrayList<>();
        boolean broken = false;
        while (true) {
            JsonToken t;
            try {
                t = p.nextToken();
            } catch (JsonProcessingException e) {
                String message = String.valueOf(e.getOriginalMessage());
                if (message.startsWith("Missing closing quote")) {
                    log.add(p.currentTokenLocation().getLineNr(), -1, null, "has a quoted field that is never closed");
                } else if (message.contains("Expected column separator")) {
                    if (!broken) {
                        log.add(lineOf(e), -1, null, "has text after a closing quote" + offending(message));
                    }
                    broken = true;
                    continue;
                } else {
                    int nl = message.indexOf('\n');
                    log.add(lineOf(e), -1, null, "malformed CSV: " + (nl < 0 ? message : message.substring(0, nl)));
                }
                done = true;
                truncated = true;
                return null;
            }
            if (t == null || t == JsonToken.END_ARRAY) {
                done = t == null;
                return broken ? null : new Row(line, fields);
            }
            fields.add(p.getText());
        }
    }

    private static long lineOf(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? -1 : at.getLineNr();
    }

    /** {@code : 'x'} for the character Jackson's message names, or nothing when it names none. */
    private static String offending(String message) {
        Matcher m = CHAR_CODE.matcher(message);
        return m.find() ? ": '" + (char) Integer.parseInt(m.group(1)) + "'" : "";
    }

    @Override
    public void close() throws IOException {
        p.close();
    }
}
