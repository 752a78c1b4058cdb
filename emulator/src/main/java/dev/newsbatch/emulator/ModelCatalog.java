package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The models the emulator serves, read from the newsbatch model catalogue ({@code /dev/newsbatch/catalog/models.json}
 * on the classpath, or a file of the same shape). Only the documented shape of the file is relied on: each model's
 * {@code status}, {@code shutdown}, token limits, {@code batch}, {@code flex} and {@code thinking} block.
 *
 * <p>A model is <em>live</em> at an instant when it is in the catalogue, its status is not {@code shut_down}, and
 * its shutdown date (if any) is after that instant's UTC date. Everything else answers 404 NOT_FOUND.
 */
final class ModelCatalog {
    static final String RESOURCE = "/dev/newsbatch/catalog/models.json";

    /** The thinking block of one model. */
    record Thinking(String dialect, boolean onByDefault, boolean canDisable, Integer budgetMin, Integer budgetMax,
                    List<String> levels, String defaultLevel, Map<String, Long> expectedTokens) {
        static final Thinking NONE = new Thinking("none", false, true, null, null, List.of(), null, Map.of());

        boolean budgetDialect() {
            return "budget".equals(dialect);
        }

        boolean levelDialect() {
            return "level".equals(dialect);
        }

        boolean none() {
            return !budgetDialect() && !levelDialect();
        }

        /** The accepted level spelled as in {@link #levels()}, or null; case-insensitive. */
        String level(String sent) {
            for (String l : levels) {
                if (l.equalsIgnoreCase(sent)) {
                    return l;
                }
            }
            return null;
        }

        /** The assumed mean of a setting ({@code default}, {@code off}, a level name); 0 when not listed. */
        long expected(String setting) {
            if ("off".equals(setting)) {
                return expectedTokens.getOrDefault("off", 0L);
            }
            Long v = expectedTokens.get(setting);
            if (v == null && !"default".equals(setting)) {
                v = expectedTokens.get("default");
            }
            return v == null ? 0 : v;
        }
    }

    /** One model of the catalogue; {@code id} is without {@code models/}. */
    record Model(String id, String status, LocalDate shutdown, long inputTokenLimit, long outputTokenLimit,
                 boolean batch, boolean flex, Thinking thinking) {

        /** A model outside any catalogue: no thinking, no limits; for direct calls of the responder in tests. */
        static Model plain(String model) {
            return new Model(bare(model), "stable", null, Long.MAX_VALUE, Long.MAX_VALUE, true, true, Thinking.NONE);
        }

        String name() {
            return "models/" + id;
        }

        boolean liveAt(Instant now) {
            if ("shut_down".equals(status)) {
                return false;
            }
            return shutdown == null || shutdown.isAfter(now.atZone(ZoneOffset.UTC).toLocalDate());
        }
    }

    private final Map<String, Model> models;
    private final String defaultModel;
    private int vertexConcurrentJobs = 8;

    private ModelCatalog(Map<String, Model> models, String defaultModel) {
        this.models = Collections.unmodifiableMap(models);
        this.defaultModel = defaultModel;
    }

    /** The catalogue on the classpath. */
    static ModelCatalog builtIn() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the model catalogue " + RESOURCE + " is not on the classpath");
            }
            return parse(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model catalogue " + RESOURCE, e);
        }
    }

    /** The catalogue in {@code file}, or the built-in one when {@code file} is null. */
    static ModelCatalog load(Path file) {
        if (file == null) {
            return builtIn();
        }
        try {
            return parse(Json.MAPPER.readTree(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model catalogue " + file, e);
        }
    }

    static ModelCatalog parse(JsonNode root) {
        Map<String, Model> models = new TreeMap<>();
        root.path("models").fields().forEachRemaining(e -> models.put(e.getKey(), model(e.getKey(), e.getValue())));
        ModelCatalog c = new ModelCatalog(models, root.path("default_model").asText(null));
        c.vertexConcurrentJobs = Math.max(1, root.path("vertex").path("concurrent_batch_jobs").asInt(8));
        return c;
    }

    private static Model model(String id, JsonNode m) {
        String shutdown = m.path("shutdown").asText(null);
        JsonNode t = m.path("thinking");
        Thinking thinking = Thinking.NONE;
        if (t.isObject()) {
            List<String> levels = new ArrayList<>();
            t.path("levels").forEach(l -> levels.add(l.asText()));
            Map<String, Long> expected = new HashMap<>();
            t.path("expected_tokens").fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    expected.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asLong());
                }
            });
            thinking = new Thinking(t.path("dialect").asText("none").toLowerCase(Locale.ROOT),
                    t.path("on_by_default").asBoolean(false), t.path("can_disable").asBoolean(true),
                    t.path("budget_min").isNumber() ? t.get("budget_min").asInt() : null,
                    t.path("budget_max").isNumber() ? t.get("budget_max").asInt() : null, List.copyOf(levels),
                    t.path("default_level").asText(null), Map.copyOf(expected));
        }
        return new Model(id, m.path("status").asText("stable").toLowerCase(Locale.ROOT),
                shutdown == null || shutdown.isBlank() ? null : LocalDate.parse(shutdown.substring(0, 10)),
                m.path("input_token_limit").asLong(Long.MAX_VALUE), m.path("output_token_limit").asLong(Long.MAX_VALUE),
                m.path("batch").asBoolean(false), m.path("flex").asBoolean(false), thinking);
    }

    static String bare(String model) {
        return model.startsWith("models/") ? model.substring(7) : model;
    }

    /** The catalogue's {@code default_model}, or null. */
    String defaultModel() {
        return defaultModel;
    }

    /** The model named {@code model} (with or without {@code models/}), live or not; null when not listed. */
    Model find(String model) {
        return model == null ? null : models.get(bare(model));
    }

    /** The model if it is live at {@code now}, else null. */
    Model live(String model, Instant now) {
        Model m = find(model);
        return m != null && m.liveAt(now) ? m : null;
    }

    /** Vertex AI batch prediction jobs of a project that run at once (the catalogue's {@code vertex} section). */
    int vertexConcurrentJobs() {
        return vertexConcurrentJobs;
    }

    /** The live model or the 404 Google sends for an unknown model. */
    Model require(String model, String version, String method, Instant now) {
        Model m = live(model, now);
        if (m == null) {
            throw notFound("models/" + bare(model), version, method);
        }
        return m;
    }

    /** Every model live at {@code now}, by id. */
    List<Model> liveModels(Instant now) {
        return models.values().stream().filter(m -> m.liveAt(now)).toList();
    }

    static ApiError notFound(String model, String version, String method) {
        return ApiError.notFound(model + " is not found for API version " + (version == null ? "v1beta" : version)
                + ", or is not supported for " + method
                + ". Call ListModels to see the list of available models and their supported methods.");
    }
}
