package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * {@code models/{m}:generateContent}, {@code models/{m}:countTokens}, {@code models} (list) and
 * {@code models/{m}} (get), for the live models of the {@link ModelCatalog}.
 */
final class ModelsApi {
    private final GeminiEmulator emu;

    ModelsApi(GeminiEmulator emu) {
        this.emu = emu;
    }

    void generateContent(HttpCall call, Route route) {
        Instant now = emu.now();
        ModelCatalog.Model model = emu.catalog().require(route.id(), route.version(), "generateContent", now);
        JsonNode request = call.json(emu.config().quotaFor(model.name()).maxInlineRequestBytes());
        String problem = Responder.invalidReason(request);
        if (problem == null) {
            problem = Responder.configProblem(model, request);
        }
        if (problem == null) {
            problem = Responder.tierProblem(model, request);
        }
        if (problem != null) {
            throw ApiError.invalidArgument(problem);
        }
        long hash = Responder.requestHash(request);
        if (emu.faultInjector().spendLimited(hash)) {
            emu.counters().faultsInjected.incrementAndGet();
            throw FaultInjector.spendLimitError(now);
        }
        emu.quotaGuard().admitGenerate(model.name(), Tokens.ofRequest(request), now);
        Responder.Outcome outcome = emu.faultInjector().outcome(hash);
        if (outcome != Responder.Outcome.NORMAL) {
            emu.counters().faultsInjected.incrementAndGet();
        }
        ObjectNode response = Responder.respond(model, request, now, outcome, true);
        emu.counters().generateContentCalls.incrementAndGet();
        call.replyJson(200, response);
    }

    /** Counts what it is sent: the Gemini API's SDK sends only {@code contents}. */
    void countTokens(HttpCall call, Route route) {
        ModelCatalog.Model model = emu.catalog().require(route.id(), route.version(), "countTokens", emu.now());
        JsonNode body = call.json(emu.config().quotaFor(model.name()).maxInlineRequestBytes());
        long total = body.has("generateContentRequest") ? Tokens.ofRequest(body.get("generateContentRequest"))
                : Tokens.ofContents(body.path("contents"));
        ObjectNode reply = Json.object();
        reply.put("totalTokens", total);
        reply.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", total);
        emu.counters().countTokensCalls.incrementAndGet();
        call.replyJson(200, reply);
    }

    /** {@code GET models/{m}}: the live model, or 404. */
    void get(HttpCall call, Route route) {
        ModelCatalog.Model model = emu.catalog().require(route.id(), route.version(), "generateContent", emu.now());
        call.replyJson(200, resource(model));
    }

    /**
     * {@code GET models?pageSize=N&pageToken=T}: the live models by name, {@code {"models":[...],
     * "nextPageToken"}}; pageSize defaults to 50 and is capped at 1000 (as the REST reference says); the token is
     * omitted on the last page.
     */
    void list(HttpCall call, Route route) {
        List<ModelCatalog.Model> all = emu.catalog().liveModels(emu.now());
        int size = 50;
        String sizeText = call.query("pageSize");
        if (sizeText != null && !sizeText.isBlank()) {
            try {
                size = Integer.parseInt(sizeText.trim());
            } catch (NumberFormatException e) {
                throw ApiError.invalidArgument("Invalid value at 'page_size' (TYPE_INT32), \"" + sizeText + "\"");
            }
            if (size < 0) {
                throw ApiError.invalidArgument("page_size must be >= 0, was " + size);
            }
            size = size == 0 ? 50 : Math.min(size, 1000);
        }
        String after = null;
        String token = call.query("pageToken");
        if (token != null && !token.isEmpty()) {
            try {
                after = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ApiError.invalidArgument("Invalid page token.");
            }
        }
        List<ModelCatalog.Model> page = new ArrayList<>();
        boolean more = false;
        for (ModelCatalog.Model m : all) {
            if (after != null && m.id().compareTo(after) <= 0) {
                continue;
            }
            if (page.size() == size) {
                more = true;
                break;
            }
            page.add(m);
        }
        ObjectNode reply = Json.object();
        ArrayNode models = reply.putArray("models");
        page.forEach(m -> models.add(resource(m)));
        if (more) {
            reply.put("nextPageToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(page.get(page.size() - 1).id().getBytes(StandardCharsets.UTF_8)));
        }
        call.replyJson(200, reply);
    }

    /** The REST {@code Model} resource of a catalogue model. */
    static ObjectNode resource(ModelCatalog.Model m) {
        ObjectNode o = Json.object();
        o.put("name", m.name());
        o.put("baseModelId", m.id());
        o.put("version", "001");
        o.put("displayName", displayName(m.id()));
        o.put("description", displayName(m.id()) + " (newsbatch emulator)");
        if (m.inputTokenLimit() != Long.MAX_VALUE) {
            o.put("inputTokenLimit", m.inputTokenLimit());
        }
        if (m.outputTokenLimit() != Long.MAX_VALUE) {
            o.put("outputTokenLimit", m.outputTokenLimit());
        }
        ArrayNode methods = o.putArray("supportedGenerationMethods");
        methods.add("generateContent").add("countTokens");
        if (m.batch()) {
            methods.add("batchGenerateContent");
        }
        o.put("temperature", 1.0);
        o.put("topP", 0.95);
        o.put("topK", 64);
        o.put("maxTemperature", 2.0);
        o.put("thinking", !m.thinking().none());
        return o;
    }

    /** {@code gemini-2.5-flash-lite} becomes {@code Gemini 2.5 Flash Lite}. */
    static String displayName(String id) {
        StringBuilder b = new StringBuilder();
        for (String word : id.split("-")) {
            if (word.isEmpty()) {
                continue;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return b.toString();
    }
}
