package dev.newsbatch.internal.gemini;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.LoadJobConfiguration;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableDataWriteChannel;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableResult;
import com.google.cloud.bigquery.WriteChannelConfiguration;
import dev.newsbatch.BigQueryTable;
import dev.newsbatch.GeminiException;
import dev.newsbatch.internal.ParquetFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * BigQuery tables as article sources and result destinations, through the official
 * {@code google-cloud-bigquery} client (Application Default Credentials; an endpoint named by the system
 * property {@value #HOST_PROPERTY} or {@code BIGQUERY_EMULATOR_HOST}, an emulator, gets no credentials).
 * Every call goes through the gateway's retry policy for reads and its rule for what is retried; the client's
 * own retries are off.
 *
 * <pre>{@code
 * BigQueryTables t = BigQueryTables.open("my-project", System.getenv());
 * t.snapshot(BigQueryTable.parse("bq://my-project.news.articles"), Map.of(), Path.of("articles.jsonl"));
 * }</pre>
 */
public final class BigQueryTables implements AutoCloseable {
    /** The system property that names a BigQuery endpoint (an emulator) like {@code BIGQUERY_EMULATOR_HOST} does. */
    public static final String HOST_PROPERTY = "newsbatch.bigquery.host";
    /** Rows asked for per page when a table is read. */
    static final long PAGE_ROWS = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BigQuery bigQuery;

    private BigQueryTables(BigQuery bigQuery) {
        this.bigQuery = bigQuery;
    }

    /** A client billing {@code project}, reaching the endpoint the environment names or BigQuery itself. */
    public static BigQueryTables open(String project, Map<String, String> env) {
        String host = System.getProperty(HOST_PROPERTY);
        if (host == null || host.isBlank()) {
            host = env.get("BIGQUERY_EMULATOR_HOST");
        }
        BigQueryOptions.Builder options = BigQueryOptions.newBuilder().setProjectId(project)
                .setRetrySettings(ServiceOptions.getNoRetrySettings());
        if (host != null && !host.isBlank()) {
            options.setHost(host.startsWith("http") ? host.trim() : "http://" + host.trim())
                    .setCredentials(NoCredentials.getInstance());
        }
        return new BigQueryTables(options.build().getService());
    }

    /**
     * Reads every row of {@code table} into a JSONL file of articles ({@code id}, {@code title},
     * {@code contents}, and {@code url} when mapped), one line a row in the table's order, so that the file
     * checks and the line numbers of its problems are the table's rows. {@code columns} maps an article field
     * to the table's column; unmapped fields read the column of their own name ({@code url} is optional).
     *
     * @return the number of rows
     * @throws IllegalArgumentException if the table has no column for a field, naming the table's columns
     */
    public long snapshot(BigQueryTable table, Map<String, String> columns, Path out) {
        Table t = table(table);
        if (t == null) {
            throw new IllegalArgumentException(table.uri() + ": no such table (or no permission to read it)");
        }
        Schema schema = t.getDefinition().getSchema();
        List<String> names = names(schema);
        String[] articleFields = {"id", "title", "contents", "url"};
        int[] index = new int[articleFields.length];
        for (int i = 0; i < articleFields.length; i++) {
            String column = columns.getOrDefault(articleFields[i], articleFields[i]);
            index[i] = indexOf(names, column);
            if (index[i] < 0 && (i < 3 || columns.containsKey("url"))) {
                throw new IllegalArgumentException(table.uri() + ": no column \"" + column + "\" for the article's "
                        + articleFields[i] + "; the table's columns are " + String.join(", ", names)
                        + (columns.containsKey(articleFields[i]) ? "" : " (map it with " + articleFields[i]
                        + "=COLUMN)"));
            }
        }
        long[] rows = {0};
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
             JsonGenerator g = new JsonFactory().createGenerator(file, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            pages(table, schema, row -> {
                try {
                    g.writeStartObject();
                    for (int i = 0; i < articleFields.length; i++) {
                        if (index[i] >= 0) {
                            g.writeFieldName(articleFields[i]);
                            String text = text(row.get(index[i]));
                            if (text == null) {
                                g.writeNull();
                            } else {
                                g.writeString(text);
                            }
                        }
                    }
                    g.writeEndObject();
                    g.writeRaw('\n');
                    rows[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        return rows[0];
    }

    /**
     * Replaces {@code table} with {@code rows} (one JSON value a column, in the order of {@code columns}) by
     * one load job: the rows go up as newline-delimited JSON and the table is written whole, so a load that is
     * sent again after a crash leaves the same table, never a doubled one. The dataset must exist.
     *
     * @return the rows written
     */
    public long replace(BigQueryTable table, List<ParquetFile.Column> columns, List<List<JsonNode>> rows) {
        List<Field> fields = new ArrayList<>();
        for (ParquetFile.Column c : columns) {
            fields.add(Field.newBuilder(c.name(), type(c.kind()))
                    .setMode(c.kind() == ParquetFile.Kind.TEXT_LIST ? Field.Mode.REPEATED : Field.Mode.NULLABLE)
                    .build());
        }
        WriteChannelConfiguration config = WriteChannelConfiguration.newBuilder(id(table))
                .setFormatOptions(FormatOptions.json())
                .setSchema(Schema.of(fields))
                .setCreateDisposition(JobInfo.CreateDisposition.CREATE_IF_NEEDED)
                .setWriteDisposition(JobInfo.WriteDisposition.WRITE_TRUNCATE)
                .build();
        byte[] body = lines(columns, rows);
        Job job = call("jobs.insert", table, () -> {
            TableDataWriteChannel writer = bigQuery.writer(loadJobId(table), config);
            try (OutputStream out = Channels.newOutputStream(writer)) {
                out.write(body);
            } catch (IOException e) {
                throw e.getCause() instanceof BigQueryException b ? b : new BigQueryException(0, e.getMessage(), e);
            }
            return finished(writer.getJob());
        });
        failed(job, table);
        return rows.size();
    }

    /**
     * Replaces {@code table} with the lines of the Cloud Storage object {@code gcsUri} (newline-delimited JSON,
     * one {@code {"request": …}} a line) as a table with one JSON column {@code request}: the request table a
     * Vertex AI batch prediction job reads. One load job with {@code WRITE_TRUNCATE}, so loading again leaves
     * the same table.
     */
    public void loadRequests(BigQueryTable table, String gcsUri) {
        LoadJobConfiguration config = LoadJobConfiguration.newBuilder(id(table), gcsUri, FormatOptions.json())
                .setSchema(Schema.of(Field.newBuilder("request", LegacySQLTypeName.JSON)
                        .setMode(Field.Mode.REQUIRED).build()))
                .setCreateDisposition(JobInfo.CreateDisposition.CREATE_IF_NEEDED)
                .setWriteDisposition(JobInfo.WriteDisposition.WRITE_TRUNCATE)
                .build();
        Job job = call("jobs.insert", table, () -> finished(bigQuery.create(JobInfo.of(loadJobId(table), config))));
        failed(job, table);
    }

    /**
     * Calls {@code each} with every row of {@code table}, as its columns' values by name (JSON columns as their
     * text); false when there is no such table.
     */
    public boolean forEachRow(BigQueryTable table, java.util.function.Consumer<Map<String, String>> each) {
        Table t = table(table);
        if (t == null) {
            return false;
        }
        Schema schema = t.getDefinition().getSchema();
        List<String> names = names(schema);
        pages(table, schema, row -> {
            Map<String, String> values = new java.util.HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), text(row.get(i)));
            }
            each.accept(values);
        });
        return true;
    }

    /** Calls {@code each} with every row of {@code table}, reading {@value #PAGE_ROWS} rows a page. */
    private void pages(BigQueryTable table, Schema schema, java.util.function.Consumer<FieldValueList> each) {
        String token = null;
        do {
            String page = token;
            TableResult result = call("tabledata.list", table, () -> page == null
                    ? bigQuery.listTableData(id(table), schema, BigQuery.TableDataListOption.pageSize(PAGE_ROWS))
                    : bigQuery.listTableData(id(table), schema, BigQuery.TableDataListOption.pageSize(PAGE_ROWS),
                    BigQuery.TableDataListOption.pageToken(page)));
            result.getValues().forEach(each);
            token = result.getNextPageToken();
        } while (token != null && !token.isEmpty());
    }

    private Table table(BigQueryTable table) {
        return call("tables.get", table, () -> bigQuery.getTable(id(table)));
    }

    private static List<String> names(Schema schema) {
        List<String> names = new ArrayList<>();
        if (schema != null) {
            schema.getFields().forEach(f -> names.add(f.getName()));
        }
        return names;
    }

    /** A fresh id for a load job: each attempt is a job of its own, and the table is written whole either way. */
    private static JobId loadJobId(BigQueryTable table) {
        return JobId.newBuilder().setJob("newsbatch_load_" + UUID.randomUUID().toString().replace("-", ""))
                .setProject(table.project()).build();
    }

    /** The load job once BigQuery says it is done (null when there is none to wait for). */
    private static Job finished(Job job) {
        try {
            return job == null ? null : job.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BigQueryException(0, "interrupted while the load job ran", e);
        }
    }

    private static void failed(Job job, BigQueryTable table) {
        if (job == null) {
            throw GeminiException.of(0, "bigquery.jobs.insert", table.uri(), null,
                    "BigQuery: the load job into " + table.uri() + " gave no answer", null);
        }
        if (job.getStatus() != null && job.getStatus().getError() != null) {
            throw GeminiException.of(400, "bigquery.jobs.insert", table.uri(), null,
                    "BigQuery refused the load into " + table.uri() + ": " + job.getStatus().getError().getMessage(),
                    null);
        }
    }

    /** The BigQuery type of a typed export column. */
    static LegacySQLTypeName type(ParquetFile.Kind kind) {
        return switch (kind) {
            case TEXT, TEXT_LIST -> LegacySQLTypeName.STRING;
            case BOOLEAN -> LegacySQLTypeName.BOOLEAN;
            case INTEGER -> LegacySQLTypeName.INTEGER;
            case NUMBER -> LegacySQLTypeName.FLOAT;
            case JSON -> LegacySQLTypeName.JSON;
        };
    }

    private static byte[] lines(List<ParquetFile.Column> columns, List<List<JsonNode>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<JsonNode> row : rows) {
            var object = JSON.createObjectNode();
            for (int i = 0; i < columns.size(); i++) {
                JsonNode v = i < row.size() ? row.get(i) : null;
                if (v != null && !v.isNull() && !v.isMissingNode()) {
                    object.set(columns.get(i).name(), columns.get(i).kind() == ParquetFile.Kind.JSON
                            ? JSON.getNodeFactory().textNode(v.toString()) : v);
                }
            }
            out.append(object).append('\n');
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A cell as text: a scalar as BigQuery sends it, a JSON value as its text, a list or record as the client prints it. */
    private static String text(FieldValue v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.getAttribute() == FieldValue.Attribute.PRIMITIVE ? v.getStringValue() : String.valueOf(v.getValue());
    }

    private static TableId id(BigQueryTable t) {
        return TableId.of(t.project(), t.dataset(), t.table());
    }

    private static int indexOf(List<String> names, String column) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /** A BigQuery call under the one retry policy; its failures are {@link GeminiException}s (status 0: no answer). */
    private static <T> T call(String operation, BigQueryTable table, Supplier<T> body) {
        return GeminiGateway.READS.<T>decorate(() -> {
            try {
                return body.get();
            } catch (BigQueryException e) {
                throw GeminiException.of(Math.max(0, e.getCode()), "bigquery." + operation, table.uri(), null,
                        "BigQuery: " + e.getMessage(), e);
            }
        }, GeminiGateway.RETRYABLE).get();
    }

    @Override
    public void close() {
        // the client holds no resources of its own beyond its HTTP transport's pool
    }

    @Override
    public String toString() {
        return "BigQueryTables[" + bigQuery.getOptions().getProjectId() + "]";
    }
}
