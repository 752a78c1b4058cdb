package dev.newsbatch.internal.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.google.genai.types.Operation;
import java.util.Map;
import java.util.Optional;

/**
 * A batch job read as a raw long-running operation through {@code client.operations.get}, so that
 * the fields the SDK's {@code BatchJob} drops ({@code batchStats}, the job's error) stay visible.
 */
final class BatchOperation extends Operation<JsonNode, BatchOperation> {
    private final JsonNode raw;

    BatchOperation(String name) {
        this(new com.fasterxml.jackson.databind.node.ObjectNode(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance).put("name", name));
    }

    private BatchOperation(JsonNode raw) {
        this.raw = raw == null ? NullNode.getInstance() : raw;
    }

    JsonNode raw() {
        return raw;
    }

    @Override
    public Optional<String> name() {
        return raw.hasNonNull("name") ? Optional.of(raw.get("name").asText()) : Optional.empty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> metadata() {
        return raw.has("metadata")
                ? Optional.of(objectMapper().convertValue(raw.get("metadata"), Map.class))
                : Optional.empty();
    }

    @Override
    public Optional<Boolean> done() {
        return raw.has("done") ? Optional.of(raw.get("done").asBoolean()) : Optional.empty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> error() {
        return raw.has("error")
                ? Optional.of(objectMapper().convertValue(raw.get("error"), Map.class))
                : Optional.empty();
    }

    @Override
    public Optional<JsonNode> response() {
        return Optional.ofNullable(raw.get("response"));
    }

    @Override
    public BatchOperation fromApiResponse(JsonNode apiResponse, boolean vertexAI) {
        return new BatchOperation(apiResponse);
    }
}
