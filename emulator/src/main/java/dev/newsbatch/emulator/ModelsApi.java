package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code models/{m}:generateContent} and {@code models/{m}:countTokens}. */
final class ModelsApi {
    private final GeminiEmulator emu;

    ModelsApi(GeminiEmulator emu) {
        this.emu = emu;
    }

    void generateContent(HttpCall call, Route route) {
        String model = "models/" + route.id();
        if (!Responder.knownModel(model)) {
            throw BatchesApi.modelNotFound(model, route.version(), "generateContent");
        }
        JsonNode request = call.json(emu.config().quotaFor(model).maxInlineRequestBytes());
        String problem = Responder.invalidReason(request);
        if (problem != null) {
            throw ApiError.invalidArgument(problem);
        }
        emu.quotaGuard().admitGenerate(model, Tokens.ofRequest(request), emu.now());
        ObjectNode response = Responder.respond(model, request, emu.now());
        emu.counters().generateContentCalls.incrementAndGet();
        call.replyJson(200, response);
    }

    void countTokens(HttpCall call, Route route) {
        String model = "models/" + route.id();
        if (!Responder.knownModel(model)) {
            throw BatchesApi.modelNotFound(model, route.version(), "countTokens");
        }
        JsonNode body = call.json(emu.config().quotaFor(model).maxInlineRequestBytes());
        long total = body.has("generateContentRequest") ? Tokens.ofRequest(body.get("generateContentRequest"))
                : Tokens.ofContents(body.path("contents"));
        ObjectNode reply = Json.object();
        reply.put("totalTokens", total);
        reply.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", total);
        emu.counters().countTokensCalls.incrementAndGet();
        call.replyJson(200, reply);
    }
}
