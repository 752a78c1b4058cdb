package dev.newsbatch;

import dev.newsbatch.internal.Checks;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.schema.ClassificationSchema;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.newsbatch.internal.AtomicFile;
import dev.newsbatch.internal.ParquetFile;
import dev.newsbatch.internal.RunService;
import dev.newsbatch.internal.TextGrid;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The outcome of a run: typed rows for the classified articles, per-article errors for the rest,
 * token usage and cost. Immutable; filters return new result sets. {@code toString()} prints a short
 * table, so it reads well in JShell and notebooks.
 *
 * <pre>{@code
 * Results<NewsClassification> r = run.collect();
 * r.financial().bySentiment();      // {Positive=412, Neutral=230, Negative=118}
 * r.toCsv(Path.of("results.csv"));
 * }</pre>
 *
 * @param <T> the classification record type
 */
public final class Results<T extends Record> {
    private static final CsvMapper CSV = CsvMapper.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private final String name;
    private final ClassificationSchema<T> schema;
    private final List<Row<T>> rows;
    private final List<ItemError> errors;
    private final Usage usage;
    private final long pending;
    /** Tokens of the rows of the whole (unfiltered) result set, or -1 when this set is not filtered. */
    private final long baseTokens;

    /**
     * A result set.
     *
     * @param name   the run's name (used in export file names)
     * @param schema the classification schema of the rows
     * @param rows   the classified articles
     * @param errors the articles without classification
     * @param usage  tokens and cost of the whole run
     */
    public Results(String name, ClassificationSchema<T> schema, List<Row<T>> rows, List<ItemError> errors,
                   Usage usage) {
        this(name, schema, rows, errors, usage, 0);
    }

    /**
     * A result set of a run that still has articles without an outcome.
     *
     * @param pending articles sent and not yet answered, or waiting (e.g. for the next day's cap)
     */
    public Results(String name, ClassificationSchema<T> schema, List<Row<T>> rows, List<ItemError> errors,
                   Usage usage, long pending) {
        this(name, schema, rows, errors, usage, pending, -1);
    }

    private Results(String name, ClassificationSchema<T> schema, List<Row<T>> rows, List<ItemError> errors,
                    Usage usage, long pending, long baseTokens) {
        this.baseTokens = baseTokens;
        this.name = Checks.notBlank(name, "name");
        this.schema = Checks.notNull(schema, "schema");
        this.rows = List.copyOf(rows);
        this.errors = List.copyOf(errors);
        this.usage = Checks.notNull(usage, "usage");
        this.pending = Checks.atLeast(pending, 0, "pending");
    }

    /** Articles of the run with no outcome yet: in flight, or waiting (e.g. for the next day's cap). */
    public long pending() {
        return pending;
    }

    /** The classification schema of the rows. */
    public ClassificationSchema<T> schema() {
        return schema;
    }

    /** The run's name. */
    public String name() {
        return name;
    }

    /** The classified articles. */
    public List<Row<T>> rows() {
        return rows;
    }

    /** The classifications alone. */
    public List<T> values() {
        return rows.stream().map(Row::value).toList();
    }

    /** The articles without a classification, and why. */
    public List<ItemError> errors() {
        return errors;
    }

    /** Tokens and cost. */
    public Usage usage() {
        return usage;
    }

    /** Number of classified articles. */
    public int size() {
        return rows.size();
    }

    /**
     * The rows that satisfy {@code keep}; errors and the run's {@link #usage()} are kept, and
     * {@link #rowsUsage()} gives the kept rows' own share.
     */
    public Results<T> filter(Predicate<Row<T>> keep) {
        return new Results<>(name, schema, rows.stream().filter(keep).toList(), errors, usage, pending,
                baseTokens >= 0 ? baseTokens : tokens(rows));   // remembers that it is a subset
    }

    /** True for a set made by {@link #filter} (or {@link #financial()}, {@link #withSentiment}). */
    public boolean isFiltered() {
        return baseTokens >= 0;
    }

    /**
     * Tokens and cost of these rows alone: their input and output tokens, with the run's cost scaled
     * by these rows' share of the run's tokens (and its thinking tokens by their share of its output).
     * Every token of a run is billed at the same rates, so the share is the rows' cost up to the
     * split between input and output prices.
     */
    public Usage rowsUsage() {
        long in = rows.stream().mapToLong(Row::inputTokens).sum();
        long out = rows.stream().mapToLong(Row::outputTokens).sum();
        long runTokens = usage.inputTokens() + usage.outputTokens();
        double cost = runTokens == 0 ? 0 : usage.costUsd() * Math.min(1.0, (double) (in + out) / runTokens);
        long thinking = usage.outputTokens() == 0 ? 0
                : Math.round(usage.thinkingTokens() * Math.min(1.0, (double) out / usage.outputTokens()));
        return new Usage(in, out, Math.min(out, thinking), cost);
    }

    private static long tokens(List<? extends Row<?>> rows) {
        return rows.stream().mapToLong(r -> r.inputTokens() + r.outputTokens()).sum();
    }

    /** The rows classified as financial news ({@code is_financial = "Yes"}). */
    public Results<T> financial() {
        return filter(r -> "Yes".equalsIgnoreCase(field(r, "is_financial").asText()));
    }

    /** The rows with this sentiment. */
    public Results<T> withSentiment(String sentiment) {
        return filter(r -> sentiment.equalsIgnoreCase(field(r, "sentiment").asText()));
    }

    /** Rows by sentiment, most frequent first. */
    public Map<String, Long> bySentiment() {
        return counts("sentiment", Integer.MAX_VALUE).stream()
                .collect(LinkedHashMap::new, (m, c) -> m.put(c.name(), c.count()), Map::putAll);
    }

    /** Rows by sector (an article may count for several), most frequent first. */
    public Map<String, Long> bySector() {
        return counts("sector", Integer.MAX_VALUE).stream()
                .collect(LinkedHashMap::new, (m, c) -> m.put(c.name(), c.count()), Map::putAll);
    }

    /** The {@code n} most frequently named companies. */
    public List<Count> topCompanies(int n) {
        Checks.atLeast(n, 1, "n");
        return counts("companies", n);
    }

    /** The {@code n} most frequent sectors. */
    public List<Count> topSectors(int n) {
        Checks.atLeast(n, 1, "n");
        return counts("sector", n);
    }

    /** The headline figures. */
    public Summary summary() {
        long financial = rows.stream().filter(r -> "Yes".equalsIgnoreCase(field(r, "is_financial").asText())).count();
        return new Summary(rows.size() + errors.size(), rows.size(), errors.size(), financial, bySentiment(),
                topSectors(10), topCompanies(10), usage);
    }

    /**
     * For each top-level field of the schema with allowed values ({@code enum}), how often each value was
     * given, most frequent first; fields in the schema's order. The summary of a schema other than the news one.
     *
     * <pre>{@code
     * results.enumCounts();   // {topic=[politics 5, business 3, sports 1]}
     * }</pre>
     */
    public Map<String, List<Count>> enumCounts() {
        JsonNode properties = schema.responseSchema().path("properties");
        Map<String, List<Count>> out = new LinkedHashMap<>();
        for (String c : schema.columns()) {
            if (properties.path(c).path("enum").isArray()) {
                out.put(c, counts(c, Integer.MAX_VALUE));
            }
        }
        return out;
    }

    /** Counts the values of a field (strings, or lists of strings) over the rows, most frequent first. */
    public List<Count> counts(String jsonField, int n) {
        Map<String, Long> counts = new HashMap<>();
        for (Row<T> r : rows) {
            JsonNode v = field(r, jsonField);
            if (v.isArray()) {
                v.forEach(x -> counts.merge(x.asText().trim(), 1L, Long::sum));
            } else if (!v.isMissingNode() && !v.isNull()) {
                counts.merge(v.asText(), 1L, Long::sum);
            }
        }
        counts.remove("");
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    // ------------------------------------------------------------------ exports

    /**
     * Writes a JSON array: one object per classified article ({@code id}, {@code title}, {@code url}
     * and the classification's fields), then one per failed article ({@code id}, {@code error}).
     *
     * @return the file written
     */
    public Path toJson(Path file) {
        return write(file, out -> {
            try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
                g.useDefaultPrettyPrinter();
                g.writeStartArray();
                for (Row<T> r : rows) {
                    g.writeTree(flat(r));
                }
                for (ItemError e : errors) {
                    g.writeTree(errorNode(e));
                }
                g.writeEndArray();
            }
        });
    }

    /** Writes one JSON object per line, in the shape of {@link #toJson}. */
    public Path toJsonl(Path file) {
        return write(file, out -> {
            for (Row<T> r : rows) {
                out.write(COMPACT.writeValueAsString(flat(r)));
                out.write('\n');
            }
            for (ItemError e : errors) {
                out.write(COMPACT.writeValueAsString(errorNode(e)));
                out.write('\n');
            }
        });
    }

    /**
     * Writes CSV with a header: {@code id,title,url}, the classification's fields (lists joined with
     * {@code "; "}; for a schema given as JSON, arrays and objects as JSON text),
     * {@code input_tokens,output_tokens}. Failed articles are not included.
     */
    public Path toCsv(Path file) {
        return write(file, out -> {
            List<String> header = new ArrayList<>(List.of("id", "title", "url"));
            header.addAll(schema.columns());
            header.addAll(List.of("input_tokens", "output_tokens"));
            boolean jsonCells = schema.json().isPresent();
            try (SequenceWriter csv = CSV.writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValues(out)) {
                csv.write(header);
                for (Row<T> r : rows) {
                    JsonNode v = COMPACT.valueToTree(r.value());
                    List<String> cells = new ArrayList<>(List.of(r.id(), r.title(), r.url() == null ? "" : r.url()));
                    for (String c : schema.columns()) {
                        cells.add(jsonCells ? jsonCell(v.path(c)) : text(v.path(c)));
                    }
                    cells.add(Long.toString(r.inputTokens()));
                    cells.add(Long.toString(r.outputTokens()));
                    csv.write(cells);
                }
            }
        });
    }

    /**
     * Writes a Parquet file with the columns of {@link #toCsv}, typed: {@code id,title,url} and text
     * fields as VARCHAR, booleans as BOOLEAN, whole numbers as BIGINT ({@code input_tokens},
     * {@code output_tokens} too), other numbers as DOUBLE, lists of strings or enums as VARCHAR[], enums
     * as their name, anything else (nested records, other lists) as JSON text. Failed articles are not
     * included. The file is written by DuckDB's JDBC driver ({@code org.duckdb:duckdb_jdbc}, an optional
     * dependency that must be on the class path) and replaces {@code file} atomically.
     *
     * <pre>{@code
     * results.toParquet(Path.of("demo.parquet"));   // pandas.read_parquet("demo.parquet")
     * }</pre>
     *
     * @return the file written
     * @throws UnsupportedOperationException if DuckDB's JDBC driver is not on the class path
     */
    public Path toParquet(Path file) {
        Checks.notNull(file, "file");
        return ParquetFile.write(file, typedColumns(), typedCells());
    }

    /**
     * Replaces a BigQuery table with the rows of {@link #toParquet}, typed alike: text as STRING, booleans
     * as BOOL, whole numbers as INT64, other numbers as FLOAT64, lists of strings or enums as repeated
     * STRING, anything else as JSON. One load job writes the table whole ({@code WRITE_TRUNCATE}), so
     * writing it again (after a crash, or a retry that fixed more articles) leaves the same rows, never
     * doubled ones. Failed articles are not included. Through the official BigQuery client with Application
     * Default Credentials; the dataset must exist.
     *
     * <pre>{@code
     * run.collect().toBigQuery("bq://my-project.news.classified");
     * }</pre>
     *
     * @return the number of rows written
     * @throws IllegalArgumentException if the name is not {@code bq://project.dataset.table}
     * @throws GeminiException          if BigQuery refuses the load (its message says why)
     */
    public long toBigQuery(String table) {
        return RunService.get().writeBigQuery(BigQueryTable.parse(table), typedColumns(), typedCells());
    }

    /** The typed columns of {@link #toParquet} and {@link #toBigQuery}. */
    private List<ParquetFile.Column> typedColumns() {
        List<ParquetFile.Column> columns = new ArrayList<>();
        for (String c : List.of("id", "title", "url")) {
            columns.add(new ParquetFile.Column(c, ParquetFile.Kind.TEXT));
        }
        JsonNode properties = schema.responseSchema().path("properties");
        for (String c : schema.columns()) {
            columns.add(new ParquetFile.Column(c, ParquetFile.Kind.of(properties.path(c))));
        }
        columns.add(new ParquetFile.Column("input_tokens", ParquetFile.Kind.INTEGER));
        columns.add(new ParquetFile.Column("output_tokens", ParquetFile.Kind.INTEGER));
        return columns;
    }

    /** One list of cells a classified article, in the order of {@link #typedColumns}. */
    private List<List<JsonNode>> typedCells() {
        JsonNodeFactory nodes = COMPACT.getNodeFactory();
        List<List<JsonNode>> cells = new ArrayList<>(rows.size());
        for (Row<T> r : rows) {
            JsonNode v = COMPACT.valueToTree(r.value());
            List<JsonNode> row = new ArrayList<>();
            Stream.of(r.id(), r.title(), r.url()).forEach(t -> row.add(t == null ? nodes.nullNode() : nodes.textNode(t)));
            schema.columns().forEach(c -> row.add(v.path(c)));
            row.add(nodes.numberNode(r.inputTokens()));
            row.add(nodes.numberNode(r.outputTokens()));
            cells.add(row);
        }
        return cells;
    }

    /** Writes {@code results_<name>.json} in {@code directory}, the original system's file name. */
    public Path save(Path directory) {
        return toJson(directory.resolve("results_" + name + ".json"));
    }

    @Override
    public String toString() {
        List<String> columns = new ArrayList<>(List.of("id"));
        List<String> fields = schema.columns().stream()
                .filter(c -> !c.startsWith("summary") && !c.equals("page_title")).limit(5).toList();
        columns.addAll(fields);
        List<List<String>> cells = new ArrayList<>();
        int keep = 5;
        for (int i = 0; i < rows.size(); i++) {
            if (i < keep || i >= rows.size() - keep) {
                JsonNode v = COMPACT.valueToTree(rows.get(i).value());
                List<String> row = new ArrayList<>(List.of(rows.get(i).id()));
                fields.forEach(f -> row.add(text(v.path(f))));
                cells.add(row);
            }
        }
        String table = TextGrid.render(columns, cells, rows.size(), 30);
        return "Results[" + name + "]" + table + (errors.isEmpty() ? "" : "\n" + errors.size()
                + (errors.size() == 1 ? " error" : " errors") + " (see errors())")
                + (pending == 0 ? "" : "\n" + pending + " pending (not answered yet)") + "\n"
                + (isFiltered() ? "these rows: " + rowsUsage() + " (run: " + usage + ")" : usage.toString());
    }

    // ------------------------------------------------------------------ plumbing

    private static Path write(Path file, AtomicFile.Body body) {
        Checks.notNull(file, "file");
        return AtomicFile.write(file, body);
    }

    private ObjectNode flat(Row<T> r) {
        ObjectNode node = COMPACT.createObjectNode();
        node.put("id", r.id());
        node.put("title", r.title());
        if (r.url() != null) {
            node.put("url", r.url());
        }
        node.setAll((ObjectNode) COMPACT.valueToTree(r.value()));
        return node;
    }

    private static ObjectNode errorNode(ItemError e) {
        ObjectNode node = COMPACT.createObjectNode();
        node.put("id", e.id());
        node.put("title", e.title());
        if (e.url() != null) {
            node.put("url", e.url());
        }
        ObjectNode err = node.putObject("error");
        err.put("kind", e.kind().name());
        err.put("message", e.message());
        err.put("attempts", e.attempts());
        return node;
    }

    private static JsonNode field(Row<?> r, String jsonField) {
        return COMPACT.valueToTree(r.value()).path(jsonField);
    }

    /** A cell of a schema given as JSON: arrays and objects as their JSON text, so they read back whole. */
    private static String jsonCell(JsonNode v) {
        return v.isContainerNode() ? v.toString() : text(v);
    }

    private static String text(JsonNode v) {
        return TextGrid.cell(v);
    }

    static <T extends Record> Comparator<Row<T>> byId() {
        return Comparator.comparing(Row::id);
    }
}
