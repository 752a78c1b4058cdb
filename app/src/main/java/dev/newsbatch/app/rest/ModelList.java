package dev.newsbatch.app.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.ModelInfo;
import dev.newsbatch.RunConfig;
import java.util.List;
import java.util.Locale;

/**
 * The JSON of a model list, shared by {@code GET /models} and {@code newsbatch models --json}:
 * {@code {default_model, live, total, models: [{id, status, shutdown, replacement, ..., origin}]}},
 * with snake_case names, dates as {@code 2025-09-30}, and unknown prices as null.
 *
 * <pre>{@code
 * ObjectNode n = ModelList.json(Batches.models(), false);
 * }</pre>
 */
public final class ModelList {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelList() {}

    /** The list, {@code live} telling whether the endpoint's {@code models.list} was merged in. */
    public static ObjectNode json(List<ModelInfo> models, boolean live) {
        ObjectNode n = JSON.createObjectNode();
        n.put("default_model", RunConfig.DEFAULT_MODEL);
        n.put("live", live);
        n.put("total", models.size());
        ArrayNode list = n.putArray("models");
        models.forEach(m -> list.add(model(m)));
        return n;
    }

    /** One model. */
    public static ObjectNode model(ModelInfo m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", m.id());
        n.put("default", RunConfig.DEFAULT_MODEL.equals(m.id()));
        n.put("status", m.status() == null ? null : m.status().name().toLowerCase(Locale.ROOT));
        n.put("shutdown", m.shutdown() == null ? null : m.shutdown().toString());
        n.put("replacement", m.replacement());
        n.put("input_token_limit", m.inputTokenLimit());
        n.put("output_token_limit", m.outputTokenLimit());
        n.put("batch", m.batch());
        n.put("flex", m.flex());
        n.put("thinking", m.thinking());
        n.put("least_thinking", m.leastThinking());
        ObjectNode prices = n.putObject("prices_usd_per_1m_tokens");
        prices.set("standard", price(m.standardInput(), m.standardOutput()));
        prices.set("batch", price(m.batchInput(), m.batchOutput()));
        prices.set("flex", price(m.flexInput(), m.flexOutput()));
        n.put("origin", m.origin() == null ? null : m.origin().name().toLowerCase(Locale.ROOT));
        n.put("note", m.note());
        return n;
    }

    private static ObjectNode price(double in, double out) {
        ObjectNode p = JSON.createObjectNode();
        p.put("input", Double.isNaN(in) ? null : in);
        p.put("output", Double.isNaN(out) ? null : out);
        return p;
    }
}
