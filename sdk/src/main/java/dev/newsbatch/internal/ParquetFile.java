package dev.newsbatch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a table of typed columns as a Parquet file: the rows go into a table of an in-memory DuckDB
 * database (through DuckDB's appender, {@link DuckDbAppend}, the one class that names DuckDB's own
 * types, loaded only once the driver is known to be there: DuckDB is an optional dependency), which
 * {@code COPY ... (FORMAT parquet)} writes to a temporary sibling that then replaces the file atomically.
 *
 * <pre>{@code
 * ParquetFile.write(Path.of("out.parquet"), List.of(new ParquetFile.Column("id", ParquetFile.Kind.TEXT)),
 *         List.of(List.of(TextNode.valueOf("a"))));
 * }</pre>
 */
public final class ParquetFile {
    /** The JDBC driver that must be on the class path. */
    static final String DRIVER = "org.duckdb.DuckDBDriver";

    private ParquetFile() {}

    /** The type of a column, and how a JSON value is stored in it. */
    public enum Kind {
        /** VARCHAR: strings and enum names. */
        TEXT("VARCHAR"),
        /** BOOLEAN. */
        BOOLEAN("BOOLEAN"),
        /** BIGINT: whole numbers. */
        INTEGER("BIGINT"),
        /** DOUBLE. */
        NUMBER("DOUBLE"),
        /** VARCHAR[]: lists of strings or enum names. */
        TEXT_LIST("VARCHAR[]"),
        /** VARCHAR holding the value as JSON text: nested records, lists of anything else. */
        JSON("VARCHAR");

        private final String sql;

        Kind(String sql) {
            this.sql = sql;
        }

        /**
         * The column type of a property of a response schema (upper-case types), whether the schema
         * was built from a record or given as JSON.
         */
        public static Kind of(JsonNode property) {
            return switch (property.path("type").asText()) {
                case "STRING" -> TEXT;
                case "BOOLEAN" -> BOOLEAN;
                case "INTEGER" -> INTEGER;
                case "NUMBER" -> NUMBER;
                case "ARRAY" -> "STRING".equals(property.path("items").path("type").asText()) ? TEXT_LIST : JSON;
                default -> JSON;
            };
        }
    }

    /** One column: its name and type. */
    public record Column(String name, Kind kind) {
        public Column {
            Checks.notBlank(name, "name");
            Checks.notNull(kind, "kind");
        }
    }

    /**
     * Writes {@code rows} (one JSON value a column, in the order of {@code columns}; null or missing
     * values are SQL NULL) to {@code file}, replacing it atomically.
     *
     * @throws UnsupportedOperationException if DuckDB's JDBC driver is not on the class path
     * @throws UncheckedIOException naming the file if it cannot be written
     */
    public static Path write(Path file, List<Column> columns, List<List<JsonNode>> rows) {
        Checks.notNull(file, "file");
        requireDriver();
        return AtomicFile.replace(file, tmp -> {
            try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
                fill(db, columns, rows);
                try (Statement s = db.createStatement()) {
                    s.execute("COPY t TO " + literal(tmp.toAbsolutePath().toString()) + " (FORMAT parquet)");
                }
            } catch (SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
        });
    }

    private static void requireDriver() {
        try {
            Class.forName(DRIVER);
        } catch (ClassNotFoundException e) {
            throw new UnsupportedOperationException("Parquet export needs DuckDB's JDBC driver "
                    + "(org.duckdb:duckdb_jdbc, an optional dependency of newsbatch-sdk) on the class path", e);
        }
    }

    private static void fill(Connection db, List<Column> columns, List<List<JsonNode>> rows) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE t (" + columns.stream().map(c -> quoted(c.name()) + " " + c.kind().sql)
                    .collect(Collectors.joining(", ")) + ")");
        }
        DuckDbAppend.rows(db, "t", columns, rows);
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
