package dev.newsbatch.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.newsbatch.RunConfig;

/**
 * A run's {@link RunConfig} as the ledger keeps it: one JSON column, written and read by Jackson.
 * A record schema is kept by class name (reading it back needs that class on the class path); a schema
 * given as JSON is kept whole ({@code schemaJson}), so any process reads its rows back.
 *
 * <pre>{@code
 * String json = StoredConfig.write(config);
 * RunConfig again = StoredConfig.read(json);
 * }</pre>
 */
public final class StoredConfig {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StoredConfig() {}

    /** The config as JSON. */
    public static String write(RunConfig config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new LedgerException("cannot record the settings " + config + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The config recorded as {@code json}. A schema class that is not on the class path (a record
     * declared in an earlier JShell session, say) reads as the news schema; the caller that knows
     * the type sets it with {@link RunConfig#withSchema(Class)}.
     *
     * @throws LedgerException if the JSON is not a recorded config
     */
    public static RunConfig read(String json) {
        try {
            ObjectNode tree = upgraded((ObjectNode) JSON.readTree(json));
            String schema = tree.path("schema").asText("");
            String schemaJson = tree.path("schemaJson").isTextual() ? tree.path("schemaJson").asText() : null;
            tree.put("schema", dev.newsbatch.schema.NewsClassification.class.getName());
            tree.remove("schemaJson");
            RunConfig config = JSON.treeToValue(tree, RunConfig.class);
            return schemaJson != null
                    ? config.withSchema(dev.newsbatch.schema.ClassificationSchema.fromJson(schemaJson))
                    : config.withSchema(schemaClass(schema));
        } catch (JsonProcessingException | ClassCastException | IllegalArgumentException
                 | dev.newsbatch.InvalidInputException e) {
            throw new LedgerException("the recorded settings are unreadable (" + e.getMessage()
                    + "); they were written by another version of newsbatch: " + json, e);
        }
    }

    /** The schema class name recorded in {@code json}, or empty. */
    public static String schemaName(String json) {
        try {
            return JSON.readTree(json).path("schema").asText("");
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    /**
     * The recorded settings over the defaults, in today's shape: settings recorded before the typed
     * config (flat prompt fields, lower-case mode and tier keys, numbers as text) read as they were
     * meant, and a field added since takes its default.
     */
    private static ObjectNode upgraded(ObjectNode stored) {
        ObjectNode tree = JSON.valueToTree(RunConfig.ofDefaults(null));
        if (!stored.has("prompts") && stored.has("template")) {
            ObjectNode prompts = stored.putObject("prompts");
            prompts.put("template", stored.path("template").asText());
            prompts.put("systemInstruction", stored.path("systemInstruction").asText(""));
        }
        if (stored.path("mode").isTextual()) {
            stored.put("mode", stored.path("mode").asText().toUpperCase(java.util.Locale.ROOT));
        }
        if (stored.path("tier").isTextual()) {
            stored.put("tier", dev.newsbatch.Tier.parse(stored.path("tier").asText()).name());
        }
        tree.setAll(stored);
        return tree;
    }

    private static Class<? extends Record> schemaClass(String name) {
        try {
            return Class.forName(name, false, StoredConfig.class.getClassLoader()).asSubclass(Record.class);
        } catch (ClassNotFoundException | ClassCastException | LinkageError e) {
            return dev.newsbatch.schema.NewsClassification.class;
        }
    }
}
