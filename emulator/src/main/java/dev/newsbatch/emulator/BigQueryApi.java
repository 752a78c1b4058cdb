package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A subset of the BigQuery REST API v2, as the official {@code google-cloud-bigquery} client calls it when its
 * host is the emulator: datasets (any dataset exists), tables (insert, get, list, delete), table data (list with
 * paging, {@code insertAll}), and load jobs sent as a resumable upload of newline-delimited JSON
 * ({@code upload/bigquery/v2/projects/P/jobs?uploadType=resumable}, then {@code PUT}s with
 * {@code Content-Range}) or from a Cloud Storage object ({@code jobs.insert} with {@code sourceUris}), run at
 * once and read back with {@code jobs.get}. Vertex AI batch prediction jobs read their request tables and write
 * their prediction tables here ({@link #rows}, {@link #replace}). Tables live under
 * {@code bq/<project>/<dataset>/} in the state directory, each as its schema and its rows in one JSON file.
 * Types checked on write: STRING, INTEGER/INT64, FLOAT/FLOAT64/NUMERIC, BOOLEAN/BOOL, TIMESTAMP (as text), JSON,
 * RECORD/STRUCT; modes NULLABLE, REQUIRED, REPEATED. Not served: queries, jobs other than loads, the Storage
 * Read and Write APIs.
 */
final class BigQueryApi {
    private static final int PAGE = 10_000;

    private final GeminiEmulator emu;
    private final Path root;
    private final Path sessions;
    private final Path jobs;

    BigQueryApi(GeminiEmulator emu) {
        this.emu = emu;
        this.root = emu.store().root().resolve("bq");
        this.sessions = root.resolve(".uploads");
        this.jobs = root.resolve(".jobs");
        try {
            Files.createDirectories(sessions);
            Files.createDirectories(jobs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root, e);
        }
    }

    // ------------------------------------------------------------------ datasets

    /** {@code datasets.get} and {@code datasets.insert}: every dataset exists. */
    void dataset(HttpCall call, Route route) {
        String[] p = route.scope().split("/");
        String dataset = route.id() != null ? route.id() : Json.parse(call.body(1 << 20)).path("datasetReference")
                .path("datasetId").asText("dataset");
        ObjectNode out = Json.object().put("kind", "bigquery#dataset").put("id", p[0] + ":" + dataset)
                .put("location", "US");
        out.putObject("datasetReference").put("projectId", p[0]).put("datasetId", dataset);
        call.replyJson(200, out);
    }

    // ------------------------------------------------------------------ tables

    /** {@code tables.insert}: 409 when the table exists. */
    synchronized void createTable(HttpCall call, Route route) {
        JsonNode body = Json.parse(call.body(16 << 20));
        String[] scope = route.scope().split("/");
        String table = body.path("tableReference").path("tableId").asText("");
        if (table.isBlank()) {
            throw ApiError.invalidArgument("Table reference is missing a table id.");
        }
        TableName name = new TableName(scope[0], scope[1], table);
        if (Files.exists(file(name))) {
            throw ApiError.alreadyExists("Already Exists: Table " + name);
        }
        ObjectNode stored = Json.object();
        stored.set("schema", body.path("schema").isObject() ? body.get("schema") : Json.object().set("fields",
                Json.array()));
        stored.set("rows", Json.array());
        save(name, stored);
        call.replyJson(200, resource(name, stored));
    }

    /** {@code tables.get}. */
    synchronized void getTable(HttpCall call, Route route) {
        TableName name = name(route);
        call.replyJson(200, resource(name, load(name)));
    }

    /** {@code tables.list}: every table of the dataset, by name, in one page. */
    synchronized void listTables(HttpCall call, Route route) {
        String[] scope = route.scope().split("/");
        Path dir = root.resolve(safe(scope[0])).resolve(safe(scope[1]));
        ObjectNode out = Json.object().put("kind", "bigquery#tableList");
        ArrayNode tables = out.putArray("tables");
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.startsWith("."))
                        .forEach(n -> names.add(n.substring(0, n.length() - 5)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        for (String n : names) {
            TableName name = new TableName(scope[0], scope[1], n);
            ObjectNode t = tables.addObject().put("kind", "bigquery#table").put("id", name.toString())
                    .put("type", "TABLE");
            t.putObject("tableReference").put("projectId", name.project()).put("datasetId", name.dataset())
                    .put("tableId", name.table());
        }
        out.put("totalItems", names.size());
        call.replyJson(200, out);
    }

    /** {@code tables.delete}. */
    synchronized void deleteTable(HttpCall call, Route route) {
        TableName name = name(route);
        load(name);
        emu.store().delete(file(name));
        call.replyEmpty(204);
    }

    /** {@code tabledata.list}: rows in insertion order, {@code pageToken} is the next row's index. */
    synchronized void listRows(HttpCall call, Route route) {
        TableName name = name(route);
        JsonNode table = load(name);
        ArrayNode rows = (ArrayNode) table.get("rows");
        ArrayNode fields = (ArrayNode) table.path("schema").path("fields");
        long start = parseLong(call.query("pageToken"), parseLong(call.query("startIndex"), 0));
        int max = (int) Math.min(PAGE, parseLong(call.query("maxResults"), PAGE));
        ObjectNode out = Json.object().put("kind", "bigquery#tableDataList").put("totalRows",
                String.valueOf(rows.size()));
        ArrayNode page = out.putArray("rows");
        int end = (int) Math.min(rows.size(), start + max);
        for (int i = (int) start; i < end; i++) {
            page.add(cells(fields, rows.get(i)));
        }
        if (end < rows.size()) {
            out.put("pageToken", String.valueOf(end));
        }
        call.replyJson(200, out);
    }

    /** {@code tabledata.insertAll}: each row checked against the schema; bad rows come back as insert errors. */
    synchronized void insertAll(HttpCall call, Route route) {
        TableName name = name(route);
        ObjectNode table = load(name);
        JsonNode body = Json.parse(call.body(64 << 20));
        ArrayNode fields = (ArrayNode) table.path("schema").path("fields");
        ObjectNode out = Json.object().put("kind", "bigquery#tableDataInsertAllResponse");
        ArrayNode errors = Json.array();
        List<JsonNode> good = new ArrayList<>();
        int i = 0;
        for (JsonNode row : body.path("rows")) {
            String problem = problem(fields, row.path("json"), "");
            if (problem != null) {
                ObjectNode e = errors.addObject().put("index", i);
                e.putArray("errors").addObject().put("reason", "invalid").put("message", problem);
            } else {
                good.add(row.path("json"));
            }
            i++;
        }
        if (errors.isEmpty() || body.path("skipInvalidRows").asBoolean(false)) {
            good.forEach(((ArrayNode) table.get("rows"))::add);
            save(name, table);
        }
        if (!errors.isEmpty()) {
            out.set("insertErrors", errors);
        }
        call.replyJson(200, out);
    }

    // ------------------------------------------------------------------ load jobs

    /** The start of a resumable load: the job's configuration; answers with the session's URL. */
    void startLoad(HttpCall call, Route route) throws IOException {
        JsonNode job = Json.parse(call.body(1 << 20));
        JsonNode load = job.path("configuration").path("load");
        if (!load.isObject()) {
            throw ApiError.invalidArgument("Only load jobs are served by this emulator.");
        }
        String format = load.path("sourceFormat").asText("CSV");
        if (!"NEWLINE_DELIMITED_JSON".equals(format)) {
            throw ApiError.invalidArgument("Only NEWLINE_DELIMITED_JSON loads are served by this emulator, was "
                    + format + ".");
        }
        String token = Ids.random(32);
        ObjectNode session = Json.object().put("project", route.scope());
        session.set("job", job);
        emu.store().writeJson(sessions.resolve(token + ".json"), session);
        Files.write(sessions.resolve(token + ".part"), new byte[0]);
        call.setHeader("Location", "http://" + call.header("Host") + "/upload/bigquery/v2/projects/"
                + route.scope() + "/jobs?uploadType=resumable&upload_id=" + token);
        call.replyJson(200, Json.object());
    }

    /** A chunk of a resumable load ({@code PUT} to the session URL); the last one runs the load. */
    void loadChunk(HttpCall call, Route route) throws IOException {
        String token = call.query("upload_id").replaceAll("[^A-Za-z0-9_-]", "");
        Path meta = sessions.resolve(token + ".json");
        Path part = sessions.resolve(token + ".part");
        if (!Files.exists(meta)) {
            throw ApiError.notFound("No such upload session.");
        }
        ResumableChunks.accept(call, part, () -> finish(call, meta, part));
    }

    /** {@code jobs.get}. */
    void getJob(HttpCall call, Route route) {
        Path f = jobs.resolve(route.id().replaceAll("[^A-Za-z0-9_.-]", "_") + ".json");
        if (!Files.exists(f)) {
            throw ApiError.notFound("Not found: Job " + route.scope() + ":" + route.id());
        }
        try {
            call.replyJson(200, Json.parse(Files.readAllBytes(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void finish(HttpCall call, Path meta, Path part) throws IOException {
        JsonNode session = Json.parse(Files.readAllBytes(meta));
        ObjectNode job = runLoad((ObjectNode) session.get("job").deepCopy(), session.path("project").asText(), part);
        Files.deleteIfExists(meta);
        Files.deleteIfExists(part);
        call.replyJson(200, job);
    }

    /**
     * {@code jobs.insert} of a load job whose {@code sourceUris} name one object in the emulator's Cloud
     * Storage ({@code gs://bucket/name}); run at once, answered DONE (with {@code status.errorResult} when the
     * data does not fit).
     */
    void insertJob(HttpCall call, Route route) throws IOException {
        ObjectNode job = (ObjectNode) Json.parse(call.body(1 << 20));
        JsonNode load = job.path("configuration").path("load");
        if (!load.isObject()) {
            throw ApiError.invalidArgument("Only load jobs are served by this emulator.");
        }
        if (!"NEWLINE_DELIMITED_JSON".equals(load.path("sourceFormat").asText("CSV"))) {
            throw ApiError.invalidArgument("Only NEWLINE_DELIMITED_JSON loads are served by this emulator, was "
                    + load.path("sourceFormat").asText("CSV") + ".");
        }
        JsonNode uris = load.path("sourceUris");
        if (!uris.isArray() || uris.size() != 1 || !uris.get(0).asText().startsWith("gs://")) {
            throw ApiError.invalidArgument("configuration.load.sourceUris must name one gs:// object, was " + uris);
        }
        VertexApi.GcsUri uri = VertexApi.GcsUri.parse(uris.get(0).asText(), "configuration.load.sourceUris[0]");
        Path content = emu.storageApi().content(uri.bucket(), uri.name());
        if (content == null) {
            throw ApiError.notFound("Not found: URI " + uris.get(0).asText());
        }
        call.replyJson(200, runLoad(job, route.scope(), content));
    }

    /** Runs the load job {@code job} over the lines in {@code data}; the job resource, stored for {@code jobs.get}. */
    private ObjectNode runLoad(ObjectNode job, String project, Path data) throws IOException {
        ObjectNode reference = job.with("jobReference");
        if (!reference.hasNonNull("jobId")) {
            reference.put("jobId", "job_" + Ids.random(20));
        }
        reference.put("projectId", project);
        if (!reference.hasNonNull("location")) {
            reference.put("location", "US");
        }
        String error;
        long loaded = 0;
        synchronized (this) {
            ObjectNode load = (ObjectNode) job.path("configuration").path("load");
            JsonNode dest = load.path("destinationTable");
            TableName name = new TableName(dest.path("projectId").asText(project), dest.path("datasetId").asText(),
                    dest.path("tableId").asText());
            List<JsonNode> rows = new ArrayList<>();
            error = read(data, load, name, rows);
            if (error == null) {
                error = write(name, load, rows);
                loaded = rows.size();
            }
        }
        ObjectNode status = job.putObject("status").put("state", "DONE");
        if (error != null) {
            status.putObject("errorResult").put("reason", "invalid").put("message", error);
            status.putArray("errors").addObject().put("reason", "invalid").put("message", error);
        }
        job.put("kind", "bigquery#job").put("id", project + ":" + reference.path("location").asText() + "."
                + reference.path("jobId").asText());
        ObjectNode stats = job.putObject("statistics");
        stats.put("creationTime", String.valueOf(System.currentTimeMillis()))
                .put("startTime", String.valueOf(System.currentTimeMillis()))
                .put("endTime", String.valueOf(System.currentTimeMillis()));
        stats.putObject("load").put("outputRows", String.valueOf(loaded)).put("inputFiles", "1")
                .put("inputFileBytes", String.valueOf(Files.size(data)));
        emu.store().writeJson(jobs.resolve(reference.path("jobId").asText().replaceAll("[^A-Za-z0-9_.-]", "_")
                + ".json"), job);
        return job;
    }

    // ------------------------------------------------------------------ tables as batch prediction sees them

    /** The rows of {@code bq://project.dataset.table} as stored (JSON objects), or null when there is no such table. */
    synchronized List<JsonNode> rows(String uri) {
        TableName name = parse(uri);
        if (!Files.exists(file(name))) {
            return null;
        }
        List<JsonNode> out = new ArrayList<>();
        load(name).path("rows").forEach(out::add);
        return out;
    }

    /** Replaces {@code bq://project.dataset.table} with {@code rows} under {@code fields} (a BigQuery schema's fields). */
    synchronized void replace(String uri, ArrayNode fields, List<? extends JsonNode> rows) {
        ObjectNode table = Json.object();
        table.putObject("schema").set("fields", fields);
        ArrayNode stored = table.putArray("rows");
        rows.forEach(stored::add);
        save(parse(uri), table);
    }

    /** {@code bq://project.dataset.table} (or without {@code bq://}), the project possibly holding dots. */
    static TableName parse(String uri) {
        String rest = uri.startsWith("bq://") ? uri.substring(5) : uri;
        int last = rest.lastIndexOf('.');
        int middle = last < 0 ? -1 : rest.lastIndexOf('.', last - 1);
        if (middle <= 0 || last == rest.length() - 1) {
            throw ApiError.invalidArgument("A BigQuery table must be bq://project.dataset.table, was " + uri);
        }
        return new TableName(rest.substring(0, middle), rest.substring(middle + 1, last), rest.substring(last + 1));
    }

    /** Reads the uploaded lines into {@code rows}; the error text when a line is not a JSON object. */
    private String read(Path part, JsonNode load, TableName name, List<JsonNode> rows) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(part),
                StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row;
                try {
                    row = Json.MAPPER.readTree(line);
                } catch (IOException e) {
                    return "Error while reading data, error message: JSON table encountered too many errors, "
                            + "giving up. Rows: " + n + "; errors: 1. Please look into the errors[] collection for "
                            + "more details. (line " + n + " is not JSON)";
                }
                if (!row.isObject()) {
                    return "Error while reading data: line " + n + " is not a JSON object";
                }
                rows.add(row);
            }
        }
        return null;
    }

    /** Writes {@code rows} into the destination as the load's dispositions say; the error text, or null. */
    private String write(TableName name, ObjectNode load, List<JsonNode> rows) {
        boolean exists = Files.exists(file(name));
        String create = load.path("createDisposition").asText("CREATE_IF_NEEDED");
        String mode = load.path("writeDisposition").asText("WRITE_APPEND");
        if (!exists && "CREATE_NEVER".equals(create)) {
            return "Not found: Table " + name;
        }
        ObjectNode table = exists ? load(name) : Json.object();
        if (load.path("schema").isObject()) {
            table.set("schema", load.get("schema"));
        } else if (!table.has("schema")) {
            return "No schema specified on job or table.";
        }
        ArrayNode fields = (ArrayNode) table.path("schema").path("fields");
        for (int i = 0; i < rows.size(); i++) {
            String problem = problem(fields, rows.get(i), "");
            if (problem != null && !load.path("ignoreUnknownValues").asBoolean(false)) {
                return "Error while reading data, error message: JSON parsing error in row starting at position "
                        + i + ": " + problem;
            }
        }
        ArrayNode stored = exists && !"WRITE_TRUNCATE".equals(mode) ? (ArrayNode) table.get("rows") : Json.array();
        if ("WRITE_EMPTY".equals(mode) && exists && !table.path("rows").isEmpty()) {
            return "Already Exists: Table " + name + " is not empty";
        }
        rows.forEach(stored::add);
        table.set("rows", stored);
        save(name, table);
        return null;
    }

    // ------------------------------------------------------------------ values

    /** What is wrong with {@code row} for {@code fields}, or null. */
    private static String problem(ArrayNode fields, JsonNode row, String prefix) {
        if (!row.isObject()) {
            return "a row must be a JSON object";
        }
        for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (field(fields, key) == null) {
                return "No such field: " + prefix + key + ".";
            }
        }
        for (JsonNode f : fields) {
            String fname = f.path("name").asText();
            JsonNode v = row.get(fname);
            String mode = f.path("mode").asText("NULLABLE");
            if (v == null || v.isNull()) {
                if ("REQUIRED".equals(mode)) {
                    return "Missing required field: " + prefix + fname + ".";
                }
                continue;
            }
            if ("REPEATED".equals(mode)) {
                if (!v.isArray()) {
                    return "Array specified for non-repeated field: " + prefix + fname + ".";
                }
                for (JsonNode e : v) {
                    String p = valueProblem(f, e, prefix + fname);
                    if (p != null) {
                        return p;
                    }
                }
            } else {
                String p = valueProblem(f, v, prefix + fname);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    private static String valueProblem(JsonNode f, JsonNode v, String path) {
        String type = f.path("type").asText("STRING");
        switch (type) {
            case "STRING": case "TIMESTAMP": case "DATE": case "DATETIME":
                return v.isValueNode() ? null : "Cannot convert value to string: " + path + ".";
            case "INTEGER": case "INT64":
                return v.isIntegralNumber() || v.isTextual() && v.asText().matches("-?\\d+") ? null
                        : "Cannot convert value to integer: " + path + ".";
            case "FLOAT": case "FLOAT64": case "NUMERIC": case "BIGNUMERIC":
                return v.isNumber() || v.isTextual() && v.asText().matches("-?[0-9.eE+-]+") ? null
                        : "Cannot convert value to floating point: " + path + ".";
            case "BOOLEAN": case "BOOL":
                return v.isBoolean() || v.isTextual() && v.asText().matches("(?i)true|false") ? null
                        : "Cannot convert value to boolean: " + path + ".";
            case "JSON":
                return null;
            case "RECORD": case "STRUCT":
                return problem((ArrayNode) f.path("fields"), v, path + ".");
            default:
                return "Unsupported type " + type + " of field " + path + ".";
        }
    }

    private static JsonNode field(ArrayNode fields, String name) {
        for (JsonNode f : fields) {
            if (f.path("name").asText().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    /** A row as {@code tabledata.list} sends it: {@code {"f":[{"v":…}]}}, scalars as strings. */
    private static ObjectNode cells(ArrayNode fields, JsonNode row) {
        ObjectNode out = Json.object();
        ArrayNode f = out.putArray("f");
        for (JsonNode field : fields) {
            JsonNode v = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equalsIgnoreCase(field.path("name").asText())) {
                    v = e.getValue();
                }
            }
            ObjectNode cell = f.addObject();
            if (v == null || v.isNull()) {
                cell.putNull("v");
            } else if ("REPEATED".equals(field.path("mode").asText())) {
                ArrayNode items = cell.putArray("v");
                for (JsonNode e : v) {
                    items.addObject().set("v", cell(field, e));
                }
            } else {
                cell.set("v", cell(field, v));
            }
        }
        return out;
    }

    private static JsonNode cell(JsonNode field, JsonNode v) {
        String type = field.path("type").asText("STRING");
        if ("RECORD".equals(type) || "STRUCT".equals(type)) {
            return cells((ArrayNode) field.path("fields"), v);
        }
        if ("JSON".equals(type)) {
            return Json.MAPPER.getNodeFactory().textNode(v.isTextual() ? v.asText() : v.toString());
        }
        return Json.MAPPER.getNodeFactory().textNode(v.asText());
    }

    // ------------------------------------------------------------------ storage

    /** A table's name, {@code project:dataset.table} as BigQuery prints it. */
    record TableName(String project, String dataset, String table) {
        @Override
        public String toString() {
            return project + ":" + dataset + "." + table;
        }
    }

    private static TableName name(Route route) {
        String[] scope = route.scope().split("/");
        return new TableName(scope[0], scope[1], route.id());
    }

    private Path file(TableName name) {
        return root.resolve(safe(name.project())).resolve(safe(name.dataset())).resolve(safe(name.table()) + ".json");
    }

    private ObjectNode load(TableName name) {
        Path f = file(name);
        if (!Files.exists(f)) {
            throw ApiError.notFound("Not found: Table " + name);
        }
        try {
            return (ObjectNode) Json.parse(Files.readAllBytes(f));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private void save(TableName name, JsonNode table) {
        Path f = file(name);
        try {
            Files.createDirectories(f.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + f.getParent(), e);
        }
        emu.store().writeJson(f, table);
    }

    private static ObjectNode resource(TableName name, JsonNode stored) {
        ObjectNode out = Json.object().put("kind", "bigquery#table").put("id", name.toString()).put("type", "TABLE");
        out.putObject("tableReference").put("projectId", name.project()).put("datasetId", name.dataset())
                .put("tableId", name.table());
        out.set("schema", stored.path("schema"));
        out.put("numRows", String.valueOf(stored.path("rows").size()));
        out.put("creationTime", String.valueOf(System.currentTimeMillis()));
        return out;
    }

    private static String safe(String part) {
        return part.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static long parseLong(String s, long otherwise) {
        try {
            return s == null || s.isBlank() ? otherwise : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalidArgument("Invalid value \"" + s + "\": a number was expected.");
        }
    }
}
