package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Produces a finished job's results, deterministically and once: the JSONL results file
 * {@code files/batch-<id>} of a file-sourced job, or the inlined responses of an inlined job. Written on first
 * read after completion (temporary file, then rename), so two emulators on one state directory produce the
 * same bytes and either may win the race.
 */
final class BatchOutput {
    private final GeminiEmulator emu;
    private final StateStore store;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    BatchOutput(GeminiEmulator emu) {
        this.emu = emu;
        this.store = emu.store();
    }

    /** Makes sure the results file of job {@code id} exists if the job succeeded with a file source. */
    void ensureResultFile(String id) {
        if (Files.exists(store.fileMeta("batch-" + id))) {
            return;
        }
        JobFacts f = store.jobs().get(id);
        if (f == null) {
            return;
        }
        ensureResultFile(f, emu.batchesApi().view(f, emu.now()));
    }

    /** Makes sure the results file of job {@code f}, seen as {@code view}, exists if it succeeded with a file source. */
    void ensureResultFile(JobFacts f, JobView view) {
        String id = f.id();
        String fileId = "batch-" + id;
        if (f.deleted() || f.inputFile() == null || f.vertex() || !JobView.SUCCEEDED.equals(view.state())) {
            return;
        }
        if (Files.exists(store.fileMeta(fileId))) {
            return;
        }
        synchronized (locks.computeIfAbsent(id, k -> new Object())) {
            if (Files.exists(store.fileMeta(fileId))) {
                return;
            }
            try {
                Path content = store.fileContent(fileId);
                Path tmp = store.temp(content);
                long size;
                try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    InputLine.forEach(store.jobInput(id), (input, index) -> {
                        out.write(resultLine(f, view, input, index));
                        out.write('\n');
                    });
                }
                size = Files.size(tmp);
                String sha = FilesApi.sha256(tmp);
                store.moveInto(tmp, content);
                store.writeJson(store.fileMeta(fileId), new StoredFile(fileId, null, "application/jsonl", size,
                        view.endTime().toString(), sha, "GENERATED"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write results of batches/" + id, e);
            }
        }
    }

    /**
     * The {@code predictions.jsonl} of a finished Vertex AI job, as Vertex writes it: one line per request with
     * the request echoed, {@code "status": ""} and the {@code response}, or the {@code status} text of its
     * error and no response; in an order unrelated to the input's (a fixed shuffle by the job's seed), so only
     * something the request carries (its labels) maps a line back. Answers are those of the Batch API.
     */
    byte[] predictions(JobFacts f, JobView view) {
        List<String> lines = new ArrayList<>();
        try {
            InputLine.forEach(store.jobInput(f.id()), (input, index) -> {
                ObjectNode out = Json.object();
                JsonNode outcome = outcome(f, view.endTime(), input, index, true);
                if (isError(outcome)) {
                    out.put("status", outcome.path("status").asText("") + ": " + outcome.path("message").asText(""));
                } else {
                    out.put("status", "");
                }
                out.put("processed_time", view.endTime().toString());
                if (input.request() != null) {
                    out.set("request", input.request());
                }
                if (!isError(outcome)) {
                    out.set("response", outcome);
                }
                String text = new String(Json.bytes(out), StandardCharsets.UTF_8);
                lines.add(f.lineMalformed(index) ? text.substring(0, text.length() / 2) : text);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the requests of job " + f.id(), e);
        }
        Collections.shuffle(lines, new Random(f.seed() ^ f.id().hashCode()));
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The inlined responses of a succeeded inlined job, in input order. */
    ArrayNode inlinedResponses(JobFacts f, JobView view) {
        Path cache = store.jobInlined(f.id());
        if (Files.exists(cache)) {
            try {
                return (ArrayNode) Json.MAPPER.readTree(cache.toFile());
            } catch (IOException e) {
                // a concurrent writer replaced it; fall through and rebuild
            }
        }
        ArrayNode out = Json.array();
        try (BufferedReader in = Files.newBufferedReader(store.jobInput(f.id()), StandardCharsets.UTF_8)) {
            String line;
            int index = 0;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                InputLine input = InputLine.parse(line, index + 1);
                out.add(inlinedResponse(f, view, input, index++));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the requests of batches/" + f.id(), e);
        }
        store.write(cache, Json.bytes(out));
        return out;
    }

    private String resultLine(JobFacts f, JobView view, InputLine input, int index) {
        ObjectNode line = Json.object();
        if (input.key() != null) {
            line.put("key", input.key());
        }
        JsonNode outcome = outcome(f, view.endTime(), input, index, true);
        line.set(isError(outcome) ? "error" : "response", outcome);
        // Through UTF-8 bytes: text no encoder can write (a lone surrogate in a key) comes out escaped.
        String text = new String(Json.bytes(line), StandardCharsets.UTF_8);
        if (f.lineMalformed(index)) {
            return text.substring(0, text.length() / 2);
        }
        return text;
    }

    private ObjectNode inlinedResponse(JobFacts f, JobView view, InputLine input, int index) {
        ObjectNode item = Json.object();
        JsonNode outcome = outcome(f, view.endTime(), input, index, false);
        if (!isError(outcome)) {
            JsonNode parts = outcome.path("candidates").path(0).path("content").path("parts");
            if (f.lineMalformed(index) && parts.size() > 0 && parts.get(parts.size() - 1) instanceof ObjectNode) {
                ObjectNode part = (ObjectNode) parts.get(parts.size() - 1);
                String text = part.path("text").asText();
                part.put("text", text.substring(0, text.length() / 2));
            }
            item.set("response", outcome);
        } else {
            item.set("error", outcome);
        }
        if (input.metadata() != null) {
            item.set("metadata", input.metadata());
        }
        return item;
    }

    /** A Status has a {@code code}; a response (even a blocked one, without candidates) has none. */
    private static boolean isError(JsonNode outcome) {
        return outcome.has("code") && !outcome.has("usageMetadata");
    }

    /**
     * A response, or a Status (gRPC code); inlined errors carry no {@code status} or {@code details}. A request
     * the catalogue refuses (thinking settings, output limit, a model not live when the job was created) is
     * INVALID_ARGUMENT; one that met the spend cap at creation is RESOURCE_EXHAUSTED; content faults (blocked
     * prompt, SAFETY, RECITATION) come with the response, drawn by request hash with the job's rates.
     */
    private JsonNode outcome(JobFacts f, Instant end, InputLine input, int index, boolean withStatus) {
        if (input.problem() != null) {
            return status(3, input.problem(), "INVALID_ARGUMENT", withStatus);
        }
        String problem = emu.batchesApi().problem(f.model(), input, f.created());
        if (problem != null || f.invalidRequests().contains(index)) {
            return status(3, problem != null ? problem : "The request is invalid.", "INVALID_ARGUMENT", withStatus);
        }
        if (f.spendLimited(index)) {
            return status(8, FaultInjector.SPEND_CAP_MESSAGE, "RESOURCE_EXHAUSTED", withStatus);
        }
        if (f.itemFails(index)) {
            return status(13, "Internal error encountered.", "INTERNAL", withStatus);
        }
        ModelCatalog.Model spec = emu.catalog().find(BatchesApi.lineModel(f.model(), input));
        Responder.Outcome outcome = FaultInjector.outcome(f.seed(), f.blockedPromptRate(), f.safetyFinishRate(),
                f.recitationFinishRate(), Responder.requestHash(input.request()));
        return Responder.respond(spec, input.request(), end, outcome, false);
    }

    private static ObjectNode status(int code, String message, String status, boolean withStatus) {
        ObjectNode e = Json.object();
        e.put("code", code);
        e.put("message", message);
        if (withStatus) {
            e.put("status", status);
        }
        return e;
    }
}
