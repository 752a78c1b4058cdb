package dev.newsbatch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbatch.ModelStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Gemini models newsbatch knows, read once from the dated data file
 * {@value #RESOURCE} (module {@code newsbatch-catalog}, shared with the emulator). The one source of
 * model status, token limits, thinking rules and the default model; prices are read from the same
 * file by the planner.
 *
 * <pre>{@code
 * ModelCatalog c = ModelCatalog.defaults();
 * c.defaultModel();                         // gemini-3.1-flash-lite
 * c.model("gemini-2.5-flash").map(m -> m.statusOn(ModelCatalog.today()));
 * }</pre>
 */
public final class ModelCatalog {
    /** The classpath resource of the catalogue. */
    public static final String RESOURCE = "/dev/newsbatch/catalog/models.json";
    private static final ModelCatalog DEFAULTS = load();

    private final JsonNode root;
    private final Map<String, CatalogModel> models;

    private ModelCatalog(JsonNode root, Map<String, CatalogModel> models) {
        this.root = root;
        this.models = models;
    }

    /** The catalogue shipped with the library. */
    public static ModelCatalog defaults() {
        return DEFAULTS;
    }

    /** The raw data (prices are read from it by the planner's pricing table). */
    public JsonNode data() {
        return root;
    }

    /** When the catalogue was last checked against its sources. */
    public String asOf() {
        return root.path("as_of").asText("unknown");
    }

    /** The model a spec uses unless told otherwise. */
    public String defaultModel() {
        return root.path("default_model").asText();
    }

    /** Why that model is the default. */
    public String defaultModelWhy() {
        return root.path("default_model_why").asText("");
    }

    /** Every model, by id. */
    public Collection<CatalogModel> all() {
        return models.values();
    }

    /** The model, a {@code models/} prefix ignored. */
    public Optional<CatalogModel> model(String id) {
        return Optional.ofNullable(models.get(normalise(id)));
    }

    /**
     * The model.
     *
     * @throws IllegalArgumentException naming the known models when the catalogue has no such model
     */
    public CatalogModel require(String id) {
        return model(id).orElseThrow(() -> new IllegalArgumentException("model must be one of the catalogue's "
                + served(today()) + " (see `newsbatch models`), was \"" + id + "\""));
    }

    /** Today in UTC: the day model statuses are judged on (shutdown dates are UTC dates). */
    public static LocalDate today() {
        return LocalDate.now(java.time.ZoneOffset.UTC);
    }

    /** The ids of models still served on {@code day}, sorted. */
    public List<String> served(LocalDate day) {
        return models.values().stream().filter(m -> m.statusOn(day).isServed()).map(CatalogModel::id)
                .sorted().toList();
    }

    /** The URL and date a named source was read. */
    public String source(String key) {
        JsonNode s = root.path("sources").path(key);
        return s.isMissingNode() ? key : s.path("url").asText(key) + " (read " + s.path("read").asText("?") + ")";
    }

    /** Strips a {@code models/} prefix and surrounding space. */
    public static String normalise(String model) {
        String m = Checks.notBlank(model, "model").trim();
        return m.startsWith("models/") ? m.substring("models/".length()) : m;
    }

    private static ModelCatalog load() {
        JsonNode root;
        try (InputStream in = ModelCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath "
                        + "(it ships in newsbatch-catalog)");
            }
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, CatalogModel> models = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("models").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            models.put(e.getKey(), model(root, e.getKey(), e.getValue()));
        }
        return new ModelCatalog(root, java.util.Collections.unmodifiableMap(models));
    }

    private static CatalogModel model(JsonNode root, String id, JsonNode n) {
        List<String> sources = new ArrayList<>();
        for (JsonNode s : n.path("sources")) {
            JsonNode src = root.path("sources").path(s.asText());
            sources.add(src.isMissingNode() ? s.asText() : src.path("url").asText() + " (read "
                    + src.path("read").asText("?") + ")");
        }
        return new CatalogModel(id, n.path("family").asText(""),
                ModelStatus.valueOf(n.path("status").asText("stable").toUpperCase(Locale.ROOT)),
                date(n, "released"), date(n, "shutdown"), text(n, "replacement"), n.path("status_note").asText(""),
                n.path("input_token_limit").asLong(1_048_576), n.path("output_token_limit").asLong(65_536),
                n.path("batch").asBoolean(false), n.path("flex").asBoolean(false), thinking(n.path("thinking")),
                sources);
    }

    private static ThinkingRules thinking(JsonNode t) {
        List<String> levels = new ArrayList<>();
        t.path("levels").forEach(l -> levels.add(l.asText().toLowerCase(Locale.ROOT)));
        Map<String, Long> expected = new LinkedHashMap<>();
        t.path("expected_tokens").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asLong()));
        return new ThinkingRules(
                ThinkingRules.Dialect.valueOf(t.path("dialect").asText("none").toUpperCase(Locale.ROOT)),
                t.path("on_by_default").asBoolean(false), t.path("can_disable").asBoolean(true),
                t.path("budget_min").asInt(0), t.path("budget_max").asInt(0), levels,
                t.path("least").asText("off"), expected, t.path("expected_source").asText(""));
    }

    private static LocalDate date(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : LocalDate.parse(v);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    @Override
    public String toString() {
        return "ModelCatalog[" + models.size() + " models, as of " + asOf() + ", default " + defaultModel() + "]";
    }
}
