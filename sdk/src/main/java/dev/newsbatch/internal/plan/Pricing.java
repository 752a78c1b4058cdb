package dev.newsbatch.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbatch.internal.Checks;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Model prices: the {@code prices} of each entry of the model catalogue
 * ({@code dev/newsbatch/catalog/models.json}, taken from Google's pricing page on the date in
 * {@link #asOf()}), which the user can override number by number, in code or with a JSON file
 * {@code {"models": {"<model>": {"standard": {...}, "batch": {...}, "flex": {...}}}}}.
 *
 * <pre>{@code
 * Pricing p = Pricing.defaults();
 * p.model("gemini-2.5-flash").cost(Mode.BATCH, 2_800, 150);
 * Pricing mine = p.withOverrides(Path.of("my-prices.json"));
 * Pricing cheaper = p.with(p.model("gemini-2.5-flash").batch(Rates.of(0.10, 1.00)));
 * }</pre>
 */
public final class Pricing {
    private static final Pricing DEFAULTS = load(RateCardFile.catalogue(), null);

    private final String source;
    private final String asOf;
    private final Map<String, ModelPricing> models;

    private Pricing(String source, String asOf, Map<String, ModelPricing> models) {
        this.source = source;
        this.asOf = asOf;
        this.models = Map.copyOf(models);
    }

    /** The prices shipped with the library. */
    public static Pricing defaults() {
        return DEFAULTS;
    }

    /** Where the numbers were taken from (a URL, or the override file). */
    public String source() {
        return source;
    }

    /** When the numbers were taken, as written in the data file (e.g. {@code 2026-03-30}). */
    public String asOf() {
        return asOf;
    }

    /** The model names this table prices, sorted. */
    public java.util.Set<String> models() {
        return new java.util.TreeSet<>(models.keySet());
    }

    /**
     * The prices of {@code model}; a {@code models/} prefix is ignored.
     *
     * @throws IllegalArgumentException if the table has no such model
     */
    public ModelPricing model(String model) {
        String key = normalise(Checks.notBlank(model, "model"));
        ModelPricing p = models.get(key);
        if (p == null) {
            throw new IllegalArgumentException("model must be one of " + models() + ", was \"" + model
                    + "\" (add it with Pricing.with(...) or an override file)");
        }
        return p;
    }

    /** A copy in which {@code pricing} replaces (or adds) its model's entry. */
    public Pricing with(ModelPricing pricing) {
        Checks.notNull(pricing, "pricing");
        Map<String, ModelPricing> copy = new TreeMap<>(models);
        copy.put(normalise(pricing.model()), pricing);
        return new Pricing(source, asOf, copy);
    }

    /**
     * A copy with the numbers of a JSON override file applied; fields the file leaves out keep their
     * current values, and models it adds must give both standard and batch input and output.
     *
     * @throws IllegalArgumentException naming the file and field when a value is malformed
     */
    public Pricing withOverrides(Path file) {
        Checks.notNull(file, "file");
        return load(RateCardFile.of(file), this);
    }

    static String normalise(String model) {
        return dev.newsbatch.internal.ModelCatalog.normalise(model);
    }

    private static Pricing load(RateCardFile f, Pricing base) {
        Map<String, ModelPricing> out = new TreeMap<>(base == null ? Map.of() : base.models);
        JsonNode models = f.root.path("models");
        for (Iterator<Map.Entry<String, JsonNode>> it = models.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = normalise(e.getKey());
            String path = "models." + e.getKey();
            ModelPricing old = out.get(name);
            JsonNode node = e.getValue().has("prices") ? e.getValue().get("prices") : e.getValue();
            if (e.getValue().has("prices")) {
                path += ".prices";
            }
            long threshold = f.count(node, path, "long_context_threshold_tokens",
                    old == null ? Long.MAX_VALUE : old.longContextThreshold(), Long.MAX_VALUE);
            Rates standard = rates(f, node.path("standard"), path + ".standard", old == null ? null : old.standard());
            Rates batch = rates(f, node.path("batch"), path + ".batch", old == null ? null : old.batch());
            JsonNode flexNode = node.path("flex");
            Rates flex = flexNode.isObject() ? rates(f, flexNode, path + ".flex", old == null ? null : old.flex())
                    : flexNode.isNull() ? null : old == null ? null : old.flex();
            out.put(name, new ModelPricing(name, standard, batch, flex, threshold));
        }
        String source = base == null ? f.text(f.root.path("sources").path("pricing"), "url", f.name) : f.name;
        String asOf = f.text(f.root, "as_of", base == null ? "unknown" : base.asOf);
        return new Pricing(source, asOf, out);
    }

    private static Rates rates(RateCardFile f, JsonNode node, String path, Rates old) {
        double nan = Double.NaN;
        double in = f.number(node, path, "input", old == null ? nan : old.input());
        double outp = f.number(node, path, "output", old == null ? nan : old.output());
        if (Double.isNaN(in) || Double.isNaN(outp)) {
            throw new IllegalArgumentException(f.name + ": field \"" + path
                    + "\" must give input and output for a new model, was " + node);
        }
        boolean inSame = old == null || old.inputLong() == old.input();
        boolean outSame = old == null || old.outputLong() == old.output();
        double inLong = f.number(node, path, "input_long", inSame ? in : old.inputLong());
        double outLong = f.number(node, path, "output_long", outSame ? outp : old.outputLong());
        return new Rates(in, outp, inLong, outLong);
    }

    @Override
    public String toString() {
        return "Pricing[" + models.size() + " models, as of " + asOf + ", from " + source + "]";
    }
}
