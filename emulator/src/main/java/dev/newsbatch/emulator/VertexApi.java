package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Vertex AI batch prediction ({@code projects/P/locations/L/batchPredictionJobs}): create from a JSONL file in
 * the emulator's Cloud Storage ({@code inputConfig.gcsSource.uris}, {@code instancesFormat: jsonl}), get, list,
 * cancel, delete, with Vertex's {@code JOB_STATE_*} states. A job is a Batch API job underneath (the same
 * quota, timeline, answers and faults); a succeeded job writes
 * {@code <outputUriPrefix>/prediction-model-<createTime>/predictions.jsonl} (see
 * {@link BatchOutput#predictions}). A job may instead read a BigQuery table ({@code instancesFormat: bigquery},
 * {@code bigquerySource.inputUri}: a JSON {@code request} column) and write one
 * ({@code bigqueryDestination.outputUri}: {@code request}, {@code response}, {@code status},
 * {@code processed_time}; Vertex also copies the input's other columns, the emulator does not), in the
 * emulator's BigQuery subset. Create requests are kept
 * ({@link GeminiEmulator#vertexCreateRequests()}).
 */
final class VertexApi {
    private static final int CAPTURED = 100;

    private final GeminiEmulator emu;
    private final StateStore store;
    private final ConcurrentLinkedDeque<String> captured = new ConcurrentLinkedDeque<>();

    private final AtomicInteger concurrentJobs;
    private final AtomicInteger peakJobs = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    VertexApi(GeminiEmulator emu) {
        this.emu = emu;
        this.store = emu.store();
        this.concurrentJobs = new AtomicInteger(emu.catalog().vertexConcurrentJobs());
    }

    void concurrentJobs(int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, was " + jobs);
        }
        concurrentJobs.set(jobs);
    }

    int peakJobs() {
        return peakJobs.get();
    }

    int refused() {
        return refused.get();
    }

    /**
     * Admits one more job in {@code scope} (project and location) given the unfinished Vertex jobs, or throws
     * 429 RESOURCE_EXHAUSTED in the shape Vertex answers quota errors with (code, message, status; no
     * QuotaFailure details). Runs under the state lock, so the peak it records is exact.
     */
    private void admit(List<JobFacts> active, String scope) {
        int running = 0;
        for (JobFacts f : active) {
            Placement p = placement(f.id());
            if (p != null && scope.equals(p.scope())) {
                running++;
            }
        }
        int limit = concurrentJobs.get();
        if (running + 1 > limit) {
            refused.incrementAndGet();
            emu.counters().rateLimited.incrementAndGet();
            throw new ApiError(429, "RESOURCE_EXHAUSTED", "Quota exceeded for "
                    + "aiplatform.googleapis.com/gemini_concurrent_batch_prediction_jobs with base model: "
                    + "publishers/google. " + running + " of " + limit + " batch prediction jobs are running in "
                    + scope + ". Please try again later with backoff.", null);
        }
        peakJobs.accumulateAndGet(running + 1, Math::max);
    }

    /** What Vertex adds to a job: where it lives, what it read, where it writes. */
    record Placement(String scope, String model, String inputUri, String outputUriPrefix) {}

    List<String> captured() {
        return List.copyOf(captured);
    }

    void create(HttpCall call, Route route) {
        Instant now = emu.now();
        byte[] raw = call.body(8L << 20);
        captured.addLast(new String(raw, StandardCharsets.UTF_8));
        while (captured.size() > CAPTURED) {
            captured.pollFirst();
        }
        JsonNode body = raw.length == 0 ? Json.object() : Json.camelCase(Json.parse(raw));
        String modelName = body.path("model").asText("");
        int cut = modelName.lastIndexOf("models/");
        String bare = cut < 0 ? modelName : modelName.substring(cut + 7);
        if (bare.isBlank()) {
            throw ApiError.invalidArgument("List of found errors:\t1.Field: batch_prediction_job.model; "
                    + "Message: Required field is not set.");
        }
        JsonNode input = body.path("inputConfig");
        JsonNode output = body.path("outputConfig");
        ModelCatalog.Model spec = emu.catalog().require(bare, route.version(), "batchGenerateContent", now);
        if (!spec.batch()) {
            throw ApiError.invalidArgument("Batch prediction is not supported for " + modelName + ".");
        }
        String format = input.path("instancesFormat").asText();
        String inputUri;
        Path content;
        if ("bigquery".equals(format)) {
            inputUri = input.path("bigquerySource").path("inputUri").asText(null);
            content = requestTable(inputUri);
        } else if ("jsonl".equals(format)) {
            JsonNode uris = input.path("gcsSource").path("uris");
            if (!uris.isArray() || uris.size() != 1) {
                throw ApiError.invalidArgument("inputConfig.gcsSource.uris must name one JSONL file (the emulator "
                        + "reads one file a job), was " + uris);
            }
            inputUri = uris.get(0).asText();
            GcsUri in = GcsUri.parse(inputUri, "inputConfig.gcsSource.uris[0]");
            content = emu.storageApi().content(in.bucket(), in.name());
            if (content == null) {
                throw ApiError.invalidArgument("Failed to read the input file " + inputUri + ": no such object.");
            }
        } else {
            throw ApiError.invalidArgument("inputConfig.instancesFormat must be \"jsonl\" (Cloud Storage) or "
                    + "\"bigquery\", was \"" + format + "\"");
        }
        String prefix;
        if ("bigquery".equals(output.path("predictionsFormat").asText())) {
            prefix = output.path("bigqueryDestination").path("outputUri").asText(null);
            if (prefix == null || !prefix.startsWith("bq://")) {
                throw ApiError.invalidArgument("outputConfig.bigqueryDestination.outputUri must be "
                        + "bq://project.dataset.table, was " + prefix);
            }
            BigQueryApi.parse(prefix);
        } else {
            prefix = output.path("gcsDestination").path("outputUriPrefix").asText(null);
            GcsUri.parse(prefix, "outputConfig.gcsDestination.outputUriPrefix");
        }
        String id = Ids.digits(19);
        String displayName = body.path("displayName").asText(null);
        Placement placement = new Placement(route.scope(), "publishers/google/models/" + bare, inputUri, prefix);
        // admitted and placed under the state lock, so a concurrent create counts this job in its scope
        JobFacts f = emu.batchesApi().newJob(spec.name(), displayName, inputUri, content, now, id, active -> {
            admit(active, route.scope());
            store.writeJson(placementFile(id), placement);
        });
        call.replyJson(200, resource(f, placement, now));
    }

    /**
     * The requests of a BigQuery source table as a JSONL file the job reads: one {@code {"request": …}} line a
     * row (the other columns are not read).
     */
    private Path requestTable(String uri) {
        if (uri == null || !uri.startsWith("bq://")) {
            throw ApiError.invalidArgument("inputConfig.bigquerySource.inputUri must be bq://project.dataset.table, "
                    + "was " + uri);
        }
        List<JsonNode> rows = emu.bigQueryApi().rows(uri);
        if (rows == null) {
            throw ApiError.invalidArgument("Failed to read the input table " + uri + ": no such table.");
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            JsonNode request = row.get("request");
            if (request != null && request.isTextual()) {
                request = Json.parse(request.asText());
            }
            if (request == null || !request.isObject()) {
                throw ApiError.invalidArgument("The input table " + uri + " must have a JSON column \"request\"; row "
                        + (i + 1) + " has none.");
            }
            ObjectNode line = Json.object();
            line.set("request", request);
            lines.append(line.toString()).append('\n');
        }
        try {
            Path file = store.temp(store.batchesDir().resolve("bigquery-input.jsonl"));
            java.nio.file.Files.writeString(file, lines, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot stage the requests of " + uri, e);
        }
    }

    void get(HttpCall call, Route route) {
        JobFacts f = require(route);
        call.replyJson(200, resource(f, placement(f.id()), emu.now()));
    }

    void list(HttpCall call, Route route) {
        Instant now = emu.now();
        List<JobFacts> mine = new ArrayList<>();
        for (JobFacts f : store.jobs().all()) {
            if (f.vertex() && !f.deleted()) {
                Placement p = placement(f.id());
                if (p != null && route.scope().equals(p.scope())) {
                    mine.add(f);
                }
            }
        }
        Pages.Page<JobFacts> page = Pages.slice(mine, f -> Pages.sortKey(f.created(), f.id()),
                call.query("pageToken"), call.query("pageSize"), 100, 1000);
        ObjectNode reply = Json.object();
        if (!page.items().isEmpty()) {
            ArrayNode jobs = reply.putArray("batchPredictionJobs");
            page.items().forEach(f -> jobs.add(resource(f, placement(f.id()), now)));
        }
        if (page.nextPageToken() != null) {
            reply.put("nextPageToken", page.nextPageToken());
        }
        call.replyJson(200, reply);
    }

    void cancel(HttpCall call, Route route) {
        emu.batchesApi().cancel(call, () -> require(route), (f, v) -> "The BatchPredictionJob is in a final state ("
                + state(v) + ") and cannot be cancelled.");
    }

    /** Deletes a job (its results in Cloud Storage stay, as at Vertex); answers a done Operation. */
    void delete(HttpCall call, Route route) {
        JobFacts f = emu.batchesApi().markDeleted(() -> require(route));
        ObjectNode op = Json.object();
        op.put("name", route.scope() + "/operations/" + Ids.digits(19));
        op.putObject("metadata").put("@type",
                "type.googleapis.com/google.cloud.aiplatform.v1beta1.DeleteOperationMetadata");
        op.put("done", true);
        op.putObject("response").put("@type", "type.googleapis.com/google.protobuf.Empty");
        call.replyJson(200, op);
    }

    private JobFacts require(Route route) {
        JobFacts f = store.jobs().get(route.id());
        Placement p = f == null ? null : placement(f.id());
        if (f == null || f.deleted() || !f.vertex() || p == null || !route.scope().equals(p.scope())) {
            throw ApiError.notFound("The BatchPredictionJob does not exist.");
        }
        return f;
    }

    private Path placementFile(String id) {
        return store.batchesDir().resolve(id + ".vertex.json");
    }

    private Placement placement(String id) {
        return store.read(placementFile(id), Placement.class);
    }

    /** Vertex's name for a Batch API state: {@code BATCH_STATE_X} is {@code JOB_STATE_X}. */
    static String state(JobView v) {
        return v.state().replace("BATCH_STATE_", "JOB_STATE_");
    }

    /** The BatchPredictionJob resource at {@code now}; a succeeded job's predictions are written on first sight. */
    private ObjectNode resource(JobFacts f, Placement p, Instant now) {
        JobView v = emu.batchesApi().view(f, now);
        ObjectNode o = Json.object();
        o.put("name", p.scope() + "/batchPredictionJobs/" + f.id());
        if (f.displayName() != null) {
            o.put("displayName", f.displayName());
        }
        o.put("model", p.model());
        ObjectNode in = o.putObject("inputConfig");
        if (p.inputUri().startsWith("bq://")) {
            in.put("instancesFormat", "bigquery");
            in.putObject("bigquerySource").put("inputUri", p.inputUri());
        } else {
            in.put("instancesFormat", "jsonl");
            in.putObject("gcsSource").putArray("uris").add(p.inputUri());
        }
        ObjectNode out = o.putObject("outputConfig");
        boolean toTable = p.outputUriPrefix().startsWith("bq://");
        if (toTable) {
            out.put("predictionsFormat", "bigquery");
            out.putObject("bigqueryDestination").put("outputUri", p.outputUriPrefix());
        } else {
            out.put("predictionsFormat", "jsonl");
            out.putObject("gcsDestination").put("outputUriPrefix", p.outputUriPrefix());
        }
        o.put("state", state(v));
        o.put("createTime", f.createTime());
        if (!JobView.PENDING.equals(v.state())) {
            o.put("startTime", v.updateTime().toString());
        }
        o.put("updateTime", v.updateTime().toString());
        if (v.endTime() != null) {
            o.put("endTime", v.endTime().toString());
        }
        ObjectNode stats = o.putObject("completionStats");
        stats.put("successfulCount", String.valueOf(v.processed() - v.failed()));
        stats.put("failedCount", String.valueOf(v.failed()));
        stats.put("incompleteCount", String.valueOf(f.requestCount() - v.processed()));
        if (JobView.SUCCEEDED.equals(v.state()) && toTable) {
            synchronized (this) {
                if (emu.bigQueryApi().rows(p.outputUriPrefix()) == null) {
                    emu.bigQueryApi().replace(p.outputUriPrefix(), predictionFields(), predictionRows(f, v));
                }
            }
            BigQueryApi.TableName t = BigQueryApi.parse(p.outputUriPrefix());
            o.putObject("outputInfo").put("bigqueryOutputDataset", "bq://" + t.project() + "." + t.dataset())
                    .put("bigqueryOutputTable", t.table());
        } else if (JobView.SUCCEEDED.equals(v.state())) {
            String dir = p.outputUriPrefix().replaceAll("/+$", "") + "/prediction-model-" + f.createTime();
            GcsUri results = GcsUri.parse(dir + "/predictions.jsonl", "output");
            synchronized (this) {
                if (emu.storageApi().content(results.bucket(), results.name()) == null) {
                    emu.storageApi().put(results.bucket(), results.name(), emu.batchOutput().predictions(f, v),
                            "application/jsonl");
                }
            }
            o.putObject("outputInfo").put("gcsOutputDirectory", dir);
        } else if (v.isTerminal()) {
            ObjectNode error = o.putObject("error");
            switch (v.state()) {
                case JobView.FAILED:
                    error.put("code", 13).put("message", "Batch prediction failed: internal error.");
                    break;
                case JobView.EXPIRED:
                    error.put("code", 4).put("message", "The job did not finish within its time limit.");
                    break;
                default:
                    error.put("code", 1).put("message", "CANCELED");
                    break;
            }
        }
        return o;
    }

    /** The columns of a prediction table: the request, then its outcome. */
    private static ArrayNode predictionFields() {
        ArrayNode fields = Json.array();
        fields.addObject().put("name", "request").put("type", "JSON");
        fields.addObject().put("name", "response").put("type", "JSON");
        fields.addObject().put("name", "status").put("type", "STRING");
        fields.addObject().put("name", "processed_time").put("type", "TIMESTAMP");
        return fields;
    }

    /**
     * The prediction lines of a finished job as table rows; a line cut short by an injected fault is lost, as a
     * row that never arrived.
     */
    private List<JsonNode> predictionRows(JobFacts f, JobView v) {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : new String(emu.batchOutput().predictions(f, v), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                rows.add(Json.MAPPER.readTree(line));
            } catch (java.io.IOException e) {
                // a malformed line: no row
            }
        }
        return rows;
    }

    /** A {@code gs://bucket/name} address. */
    record GcsUri(String bucket, String name) {
        static GcsUri parse(String uri, String field) {
            if (uri == null || !uri.startsWith("gs://") || uri.indexOf('/', 5) <= 5) {
                throw ApiError.invalidArgument(field + " must be gs://bucket/path, was " + uri);
            }
            int slash = uri.indexOf('/', 5);
            return new GcsUri(uri.substring(5, slash), uri.substring(slash + 1));
        }
    }
}
