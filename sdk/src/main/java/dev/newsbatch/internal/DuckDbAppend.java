package dev.newsbatch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Fills a DuckDB table through DuckDB's appender, which writes rows in bulk (a batch of prepared
 * inserts took about 40 times its CPU time for 10,000 rows). The only class naming DuckDB's own types; {@link ParquetFile}
 * reaches it only after checking that the driver is on the class path.
 */
final class DuckDbAppend {
    private DuckDbAppend() {}

    /** Appends {@code rows} (one JSON value a column; null or missing is SQL NULL) to {@code table}. */
    static void rows(Connection db, String table, List<ParquetFile.Column> columns, List<List<JsonNode>> rows)
            throws SQLException {
        try (DuckDBAppender append = db.unwrap(DuckDBConnection.class).createAppender("main", table)) {
            for (List<JsonNode> row : rows) {
                append.beginRow();
                for (int i = 0; i < columns.size(); i++) {
                    value(append, columns.get(i).kind(), i < row.size() ? row.get(i) : null);
                }
                append.endRow();
            }
            append.flush();
        }
    }

    private static void value(DuckDBAppender append, ParquetFile.Kind kind, JsonNode v) throws SQLException {
        if (v == null || v.isNull() || v.isMissingNode()) {
            append.appendNull();
            return;
        }
        switch (kind) {
            case TEXT -> append.append(v.asText());
            case BOOLEAN -> append.append(v.asBoolean());
            case INTEGER -> append.append(v.asLong());
            case NUMBER -> append.append(v.asDouble());
            case TEXT_LIST -> {
                List<String> items = new ArrayList<>();
                v.forEach(x -> items.add(x.isNull() ? null : x.asText()));
                append.append(items);
            }
            case JSON -> append.append(v.toString());
        }
    }
}
