package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** The Batch API: create (file or inlined requests), get, list, cancel, delete; jobs answer as Operations. */
final class BatchesApi {
    private static final String BATCH_TYPE = "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch";
    private static final String OUTPUT_TYPE =
            "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput";

    private final GeminiEmulator emu;
    private final StateStore store;

    BatchesApi(GeminiEmulator emu) {
        this.emu = emu;
        this.store = emu.store();
    }

    /** What a create request asks for, read and counted before anything is written. */
    private record Source(String fileName, Path inputPath, List<InputLine> inlined, int count, long tokens,
                          List<Integer> invalid, List<Integer> spendLimited) {}

    /** Sorts one request into the invalid or spend-limited ones, as job creation sees it. */
    private final class Checker {
        final String jobModel;
        final Instant now;
        final Faults faults = emu.faultInjector().faults();
        final List<Integer> invalid = new ArrayList<>();
        final List<Integer> spendLimited = new ArrayList<>();

        Checker(String jobModel, Instant now) {
            this.jobModel = jobModel;
            this.now = now;
        }

        void check(InputLine line, int index) {
            if (line.problem() != null || problem(jobModel, line, now) != null) {
                invalid.add(index);
            } else if (FaultInjector.spendLimited(faults.seed(), faults.spendLimitRate(),
                    Responder.requestHash(line.request()))) {
                spendLimited.add(index);
            }
        }
    }

    /** The model a batch request runs on: its own {@code request.model}, else the job's. */
    static String lineModel(String jobModel, InputLine line) {
        JsonNode own = line.request() == null ? null : line.request().get("model");
        return own != null && own.isTextual() && !own.asText().isBlank() ? own.asText() : jobModel;
    }

    /** Why the catalogue refuses a (well-formed) batch request at {@code now}, or null. */
    String problem(String jobModel, InputLine line, Instant now) {
        String model = lineModel(jobModel, line);
        ModelCatalog.Model spec = emu.catalog().live(model, now);
        if (spec == null) {
            return ModelCatalog.notFound("models/" + ModelCatalog.bare(model), "v1beta", "generateContent")
                    .getMessage();
        }
        return Responder.configProblem(spec, line.request());
    }

    void create(HttpCall call, Route route) {
        Instant now = emu.now();
        ModelCatalog.Model spec = emu.catalog().require(route.id(), route.version(), "batchGenerateContent", now);
        String model = spec.name();
        if (!spec.batch()) {
            throw ApiError.invalidArgument("Batch API is not supported for " + model + ".");
        }
        Quota quota = emu.config().quotaFor(model);
        JsonNode body = call.json(quota.maxInlineRequestBytes());
        JsonNode batch = body.has("batch") ? body.get("batch") : body;
        JsonNode input = batch.path("inputConfig");
        String fileName = input.path("fileName").asText(null);
        JsonNode requests = input.path("requests").path("requests");
        boolean inline = requests.isArray();
        if ((fileName == null) == !inline) {
            throw ApiError.invalidArgument("* GenerateContentBatch.input_config: exactly one of file_name or "
                    + "requests must be set");
        }
        Checker checker = new Checker(model, now);
        Source source = inline ? inlineSource(requests, checker) : fileSource(fileName, checker);
        String displayName = batch.path("displayName").asText(null);
        JobFacts facts = newJob(model, displayName, source, now, Ids.random(36));
        emu.counters().batchesCreated.incrementAndGet();
        call.replyJson(200, operation(facts, now, timeline()));
    }

    /**
     * A job of the requests in {@code input} (a JSONL file, named {@code inputName} in the job), admitted by
     * the quota and stored; shared by the Gemini Batch API and Vertex AI batch prediction.
     */
    /**
     * A Vertex AI job of the requests in {@code input}: {@code vertexAdmission} admits it (or throws) given the
     * Vertex jobs of its project and region not finished at {@code now}, in place of the Gemini API's quota.
     */
    JobFacts newJob(String model, String displayName, String inputName, Path input, Instant now, String id,
                    java.util.function.Consumer<List<JobFacts>> vertexAdmission) {
        JobFacts f = newJob(model, displayName, pathSource(inputName, input, new Checker(model, now)), now, id,
                vertexAdmission);
        emu.counters().batchesCreated.incrementAndGet();
        return f;
    }

    private JobFacts newJob(String model, String displayName, Source source, Instant now, String id) {
        return newJob(model, displayName, source, now, id, null);
    }

    private JobFacts newJob(String model, String displayName, Source source, Instant now, String id,
                            java.util.function.Consumer<List<JobFacts>> vertexAdmission) {
        if (source.count() == 0) {
            throw ApiError.invalidArgument("* GenerateContentBatch.input_config: the batch has no requests");
        }
        return store.locked(() -> {
            List<JobFacts> stored = store.jobs().all();
            JobTimeline timeline = store.jobs().timeline();
            if (vertexAdmission == null) {
                admit(model, source.tokens(), now, stored, timeline);
            } else {
                List<JobFacts> active = new java.util.ArrayList<>();
                for (JobFacts other : stored) {
                    if (other.vertex() && !other.deleted() && !timeline.view(other, now).isTerminal()) {
                        active.add(other);
                    }
                }
                vertexAdmission.accept(active);
            }
            String outcome = emu.faultInjector().jobOutcome();
            Faults faults = emu.faultInjector().faults();
            JobFacts f = new JobFacts(id, model, displayName, now.toString(), source.fileName(), source.count(),
                    source.tokens(), source.invalid(), emu.config().tokensPerSecond(),
                    emu.config().startDelay().toMillis(), outcome, faults.seed(), faults.itemErrorRate(),
                    faults.malformedLineRate(), null, emu.config().sharedThroughput(), timeline.nextSequence(), null,
                    faults.blockedPromptRate(), faults.safetyFinishRate(), faults.recitationFinishRate(),
                    source.spendLimited());
            writeInput(id, source);
            store.saveJob(f);
            return f;
        });
    }

    /** The processing history of every job in the state directory, deleted ones included. */
    JobTimeline timeline() {
        return store.jobs().timeline();
    }

    /** The job {@code f} as seen at {@code now}, in the history of all jobs on disk. */
    JobView view(JobFacts f, Instant now) {
        return timeline().view(f, now);
    }

    /**
     * Admits a job of {@code tokens} or throws 429: the active jobs and the enqueued tokens are those of the
     * jobs not finished at {@code now} in {@code timeline}, so jobs waiting for the processor count.
     */
    private void admit(String model, long tokens, Instant now, List<JobFacts> stored, JobTimeline timeline) {
        int active = 0;
        long enqueued = 0;
        Duration untilOneEnds = Duration.ofHours(48);
        for (JobFacts other : stored) {
            if (other.deleted()) {
                continue;
            }
            JobView v = timeline.view(other, now);
            if (v.isTerminal()) {
                continue;
            }
            active++;
            if (other.model().equals(model)) {
                enqueued += other.totalTokens();
            }
            Duration left = Duration.between(now, timeline.expectedEnd(other));
            if (left.compareTo(untilOneEnds) < 0) {
                untilOneEnds = left;
            }
        }
        emu.quotaGuard().admitBatch(model, tokens, active, enqueued, untilOneEnds);
    }

    private Source fileSource(String fileName, Checker checker) {
        StoredFile file;
        try {
            file = emu.filesApi().require(fileName);
        } catch (ApiError e) {
            throw ApiError.invalidArgument("* GenerateContentBatch.input_config.file_name: " + fileName
                    + " was not found or is not accessible");
        }
        return pathSource("files/" + file.id(), store.fileContent(file.id()), checker);
    }

    private Source pathSource(String fileName, Path path, Checker checker) {
        int[] count = {0};
        long[] tokens = {0};
        try {
            InputLine.forEach(path, (parsed, index) -> {
                checker.check(parsed, index);
                tokens[0] += parsed.tokens();
                count[0]++;
            });
        } catch (IOException e) {
            throw ApiError.invalidArgument("* GenerateContentBatch.input_config.file_name: " + fileName
                    + " is not UTF-8 JSONL: " + e.getMessage());
        }
        return new Source(fileName, path, null, count[0], tokens[0], checker.invalid, checker.spendLimited);
    }

    private Source inlineSource(JsonNode requests, Checker checker) {
        List<InputLine> lines = new ArrayList<>();
        long tokens = 0;
        for (JsonNode r : requests) {
            InputLine line = InputLine.of(r);
            checker.check(line, lines.size());
            tokens += line.tokens();
            lines.add(line);
        }
        return new Source(null, null, lines, lines.size(), tokens, checker.invalid, checker.spendLimited);
    }

    private void writeInput(String id, Source source) {
        Path target = store.jobInput(id);
        try {
            Path tmp = store.temp(target);
            if (source.inputPath() != null) {
                Files.delete(tmp);
                try {
                    Files.createLink(tmp, source.inputPath());
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(source.inputPath(), tmp);
                }
            } else {
                try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    for (InputLine line : source.inlined()) {
                        ObjectNode o = Json.object();
                        if (line.request() != null) {
                            o.set("request", line.request());
                        }
                        if (line.metadata() != null) {
                            o.set("metadata", line.metadata());
                        }
                        out.write(Json.text(o));
                        out.write('\n');
                    }
                }
            }
            store.moveInto(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the requests of batches/" + id, e);
        }
    }

    void get(HttpCall call, Route route) {
        JobFacts f = require(route.id());
        call.replyJson(200, operation(f, emu.now(), timeline()));
    }

    void list(HttpCall call, Route route) {
        Instant now = emu.now();
        int size = Pages.size(call.query("pageSize"), 10, 1000);
        String after = Pages.after(call.query("pageToken"));
        JobIndex.Slice slice = store.jobs().page(after, size);
        JobTimeline timeline = timeline();
        List<JobFacts> items = slice.items().stream().filter(f -> !f.vertex()).toList();
        Pages.Page<JobFacts> page = new Pages.Page<>(items, slice.more() && !items.isEmpty()
                ? Pages.token(Pages.sortKey(items.get(items.size() - 1).created(), items.get(items.size() - 1).id()))
                : null);
        ObjectNode reply = Json.object();
        if (!page.items().isEmpty()) {
            ArrayNode ops = reply.putArray("operations");
            page.items().forEach(f -> ops.add(operation(f, now, timeline)));
        }
        if (page.nextPageToken() != null) {
            reply.put("nextPageToken", page.nextPageToken());
        }
        call.replyJson(200, reply);
    }

    void cancel(HttpCall call, Route route) {
        cancel(call, () -> require(route.id()), (f, v) -> "Batch batches/" + f.id()
                + " is already in a terminal state (" + v.state() + ") and cannot be cancelled.");
    }

    /**
     * Cancels the job {@code find} gives (under the store's lock) and answers {@code {}}: a job already
     * cancelled stays so, a job in another final state is refused (400 FAILED_PRECONDITION) with the
     * message {@code finalState} gives. The Batch API and Vertex AI cancel alike and say it differently.
     */
    void cancel(HttpCall call, Supplier<JobFacts> find, BiFunction<JobFacts, JobView, String> finalState) {
        String refusal = store.locked(() -> {
            JobFacts f = find.get();
            Instant now = emu.now();
            JobView v = view(f, now);
            if (JobView.CANCELLED.equals(v.state())) {
                return null;
            }
            if (v.isTerminal()) {
                return finalState.apply(f, v);
            }
            store.saveJob(f.cancelledAt(now));
            return null;
        });
        if (refusal != null) {
            throw ApiError.failedPrecondition(refusal);
        }
        call.replyJson(200, Json.object());
    }

    /**
     * Deletes a job: its requests and results go, its facts stay with a delete time so that the jobs after it
     * keep the processing history they had.
     */
    void delete(HttpCall call, Route route) {
        JobFacts f = markDeleted(() -> require(route.id()));
        store.delete(store.jobInlined(f.id()));
        call.replyJson(200, Json.object());
    }

    /**
     * Records the delete time of the job {@code find} gives (under the store's lock) and removes its
     * requests; returns the job as it was. What else goes, and the answer, differ between the two APIs.
     */
    JobFacts markDeleted(Supplier<JobFacts> find) {
        JobFacts f = store.locked(() -> {
            JobFacts found = find.get();
            store.saveJob(found.deletedAt(emu.now()));
            return found;
        });
        store.delete(store.jobInput(f.id()));
        return f;
    }

    private JobFacts require(String rawId) {
        String id = rawId.startsWith("batches/") ? rawId.substring(8) : rawId;
        JobFacts f = store.jobs().get(id);
        if (f == null || f.deleted() || f.vertex()) {
            throw ApiError.notFound("Requested entity was not found.");
        }
        return f;
    }

    /** The job as a long-running Operation at {@code now}. */
    ObjectNode operation(JobFacts f, Instant now, JobTimeline timeline) {
        JobView v = timeline.view(f, now);
        ObjectNode op = Json.object();
        String name = "batches/" + f.id();
        op.put("name", name);
        ObjectNode meta = op.putObject("metadata");
        meta.put("@type", BATCH_TYPE);
        meta.put("model", f.model());
        if (f.displayName() != null) {
            meta.put("displayName", f.displayName());
        }
        if (f.inputFile() != null) {
            meta.putObject("inputConfig").put("fileName", f.inputFile());
        }
        meta.put("createTime", f.createTime());
        meta.put("updateTime", v.updateTime().toString());
        if (v.endTime() != null) {
            meta.put("endTime", v.endTime().toString());
        }
        meta.set("batchStats", stats(f, v));
        meta.put("state", v.state());
        meta.put("name", name);
        if (JobView.SUCCEEDED.equals(v.state())) {
            ObjectNode output = Json.object();
            if (f.inputFile() != null) {
                emu.batchOutput().ensureResultFile(f, v);
                output.put("responsesFile", "files/batch-" + f.id());
            } else {
                output.putObject("inlinedResponses").set("inlinedResponses", emu.batchOutput().inlinedResponses(f, v));
            }
            meta.set("output", output);
            op.put("done", true);
            ObjectNode response = op.putObject("response");
            response.put("@type", OUTPUT_TYPE);
            response.setAll(output);
        } else if (v.isTerminal()) {
            op.put("done", true);
            ObjectNode error = op.putObject("error");
            switch (v.state()) {
                case JobView.FAILED:
                    error.put("code", 13).put("message", "Batch processing failed: internal error.");
                    break;
                case JobView.EXPIRED:
                    error.put("code", 4).put("message", "Batch expired: it did not finish within 48 hours.");
                    break;
                default:
                    error.put("code", 1).put("message", "Batch was cancelled.");
                    break;
            }
        }
        return op;
    }

    private static ObjectNode stats(JobFacts f, JobView v) {
        ObjectNode s = Json.object();
        int pending = JobView.PENDING.equals(v.state()) || JobView.RUNNING.equals(v.state())
                ? f.requestCount() - v.processed() : 0;
        int failed = v.failed();
        int succeeded = v.processed() - failed;
        put(s, "requestCount", f.requestCount());
        put(s, "successfulRequestCount", succeeded);
        put(s, "failedRequestCount", failed);
        put(s, "pendingRequestCount", pending);
        return s;
    }

    private static void put(ObjectNode s, String field, long value) {
        if (value != 0) {
            s.put(field, String.valueOf(value));
        }
    }
}
