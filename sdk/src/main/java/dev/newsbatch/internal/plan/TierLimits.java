package dev.newsbatch.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbatch.internal.Checks;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The quotas of one Gemini usage tier: per-model {@link ModelLimits}, how many batch jobs may run at
 * once, and the largest batch input file. Presets {@code free}, {@code tier1}, {@code tier2} and
 * {@code tier3} come from Google's rate-limits page on the date in {@link #asOf()}; every number can
 * be overridden in code or with a JSON file shaped like {@code dev/newsbatch/catalog/tiers.json} (module {@code catalog}).
 * A tier is the quota class Google assigns to a project (free; tier 1 = billing linked; tiers 2 and 3
 * after cumulative spend).
 *
 * <pre>{@code
 * TierLimits t1 = TierLimits.preset("tier1");
 * long enqueued = t1.model("gemini-2.5-flash").batchEnqueuedTokens();   // 3,000,000
 * TierLimits mine = t1.with("gemini-2.5-flash", t1.model("gemini-2.5-flash").batchEnqueuedTokens(10_000_000));
 * }</pre>
 */
public final class TierLimits {
    private static final String RESOURCE = "/dev/newsbatch/catalog/tiers.json";
    private static final RateCardFile FILE = RateCardFile.resource(RESOURCE);
    /** The preset names, lowest tier first. */
    public static final java.util.List<String> PRESETS = java.util.List.of("free", "tier1", "tier2", "tier3");

    private final String tier;
    private final String source;
    private final String asOf;
    private final int concurrentBatchJobs;
    private final long maxInputFileBytes;
    private final Map<String, ModelLimits> models;
    private final SpendLimits spend;
    private final VertexLimits vertex;

    private TierLimits(String tier, String source, String asOf, int concurrentBatchJobs,
                       long maxInputFileBytes, Map<String, ModelLimits> models, SpendLimits spend) {
        this(tier, source, asOf, concurrentBatchJobs, maxInputFileBytes, models, spend, null);
    }

    private TierLimits(String tier, String source, String asOf, int concurrentBatchJobs,
                       long maxInputFileBytes, Map<String, ModelLimits> models, SpendLimits spend,
                       VertexLimits vertex) {
        this.tier = Checks.notBlank(tier, "tier");
        this.source = source;
        this.asOf = asOf;
        this.concurrentBatchJobs = (int) Checks.atLeast(concurrentBatchJobs, 0, "concurrentBatchJobs");
        this.maxInputFileBytes = Checks.atLeast(maxInputFileBytes, 1, "maxInputFileBytes");
        this.models = Map.copyOf(models);
        this.spend = Checks.notNull(spend, "spend");
        this.vertex = vertex;
    }

    /**
     * A preset: {@code free}, {@code tier1}, {@code tier2} or {@code tier3} (also accepted:
     * {@code tier_1}, {@code TIER1}, {@code 1}).
     */
    public static TierLimits preset(String name) {
        String key = Checks.notBlank(name, "tier").trim().toLowerCase(java.util.Locale.ROOT).replace("_", "").replace(" ", "");
        if (key.matches("[123]")) {
            key = "tier" + key;
        }
        if (!PRESETS.contains(key)) {
            throw new IllegalArgumentException("tier must be one of " + PRESETS + ", was \"" + name + "\"");
        }
        return load(FILE, key, null);
    }

    /**
     * These limits on Vertex AI batch prediction ({@link VertexLimits#defaults()}, from the model catalogue):
     * its concurrent-job limit, its per-job request and file limits, no per-model request, token or
     * enqueued-token limits (dynamic shared quota) and none of the Gemini API's spend caps; the models stay.
     */
    public TierLimits onVertex() {
        return onVertex(VertexLimits.defaults());
    }

    /** These limits on Vertex AI with {@code limits} (e.g. a raised concurrent-job quota). */
    public TierLimits onVertex(VertexLimits limits) {
        Checks.notNull(limits, "limits");
        long u = ModelLimits.UNLIMITED;
        Map<String, ModelLimits> open = new TreeMap<>();
        models.keySet().forEach(m -> open.put(m, new ModelLimits(u, u, u, u)));
        return new TierLimits("vertex", String.join("; ", limits.limitsSources()),
                dev.newsbatch.internal.ModelCatalog.defaults().asOf(), limits.concurrentJobs(), limits.inputFileBytes(),
                open, SpendLimits.NONE, limits);
    }

    /** Vertex AI's limits when these are a Vertex AI tier ({@link #onVertex()}), else empty. */
    public java.util.Optional<VertexLimits> vertex() {
        return java.util.Optional.ofNullable(vertex);
    }

    /** Requests one batch job may hold under this tier: Vertex AI's per-job limit, else no limit. */
    public int maxRequestsPerJob() {
        return vertex == null ? Integer.MAX_VALUE : vertex.requestsPerJob();
    }

    /**
     * The one job-sizing rule under this tier for {@code model}: at most {@code maxItems} requests (and the
     * tier's per-job limit), {@code maxBytes} of file (and the tier's file limit), and the token cap of the
     * model's enqueued-token limit.
     */
    public JobSizing sizing(String model, int maxItems, long maxBytes) {
        return JobSizing.of(Math.min(maxItems, maxRequestsPerJob()), Math.min(maxBytes, maxInputFileBytes),
                model(model).batchEnqueuedTokens());
    }

    /** The tier's name, e.g. {@code tier1}. */
    public String tier() {
        return tier;
    }

    /** Where the numbers were taken from. */
    public String source() {
        return source;
    }

    /** When the numbers were taken, as written in the data file. */
    public String asOf() {
        return asOf;
    }

    /** Batch jobs that may be active at once; 0 when the tier has no Batch API. */
    public int concurrentBatchJobs() {
        return concurrentBatchJobs;
    }

    /** The largest batch input file in bytes. */
    public long maxInputFileBytes() {
        return maxInputFileBytes;
    }

    /** The models this tier lists, sorted. */
    public Set<String> models() {
        return new TreeSet<>(models.keySet());
    }

    /**
     * The limits of {@code model}; a {@code models/} prefix is ignored.
     *
     * @throws IllegalArgumentException if the tier lists no such model
     */
    public ModelLimits model(String model) {
        ModelLimits l = models.get(Pricing.normalise(Checks.notBlank(model, "model")));
        if (l == null) {
            throw new IllegalArgumentException("model must be one of " + models() + " for " + tier
                    + ", was \"" + model + "\" (add it with TierLimits.with(...) or an override file)");
        }
        return l;
    }

    /** A copy in which {@code model} has the given limits. */
    public TierLimits with(String model, ModelLimits limits) {
        Checks.notNull(limits, "limits");
        Map<String, ModelLimits> copy = new TreeMap<>(models);
        copy.put(Pricing.normalise(Checks.notBlank(model, "model")), limits);
        return new TierLimits(tier, source, asOf, concurrentBatchJobs, maxInputFileBytes, copy, spend, vertex);
    }

    /** A copy with another concurrent batch job limit. */
    public TierLimits concurrentBatchJobs(int jobs) {
        return new TierLimits(tier, source, asOf, jobs, maxInputFileBytes, models, spend,
                vertex == null ? null : vertex.concurrentJobs(Math.max(1, jobs)));
    }

    /** The tier's spend limits (per rolling 10 minutes and per month). */
    public SpendLimits spend() {
        return spend;
    }

    /** A copy with other spend limits. */
    public TierLimits spend(SpendLimits limits) {
        return new TierLimits(tier, source, asOf, concurrentBatchJobs, maxInputFileBytes, models, limits, vertex);
    }

    /** A copy with another input file size limit. */
    public TierLimits maxInputFileBytes(long bytes) {
        return new TierLimits(tier, source, asOf, concurrentBatchJobs, bytes, models, spend, vertex);
    }

    /**
     * A copy with the numbers of a JSON override file applied: its {@code batch} section and its
     * {@code tiers.<this tier>} section; absent fields keep their values.
     *
     * @throws IllegalArgumentException naming the file and field when a value is malformed
     */
    public TierLimits withOverrides(Path file) {
        Checks.notNull(file, "file");
        return load(RateCardFile.of(file), tier, this);
    }

    private static TierLimits load(RateCardFile f, String tier, TierLimits base) {
        JsonNode batch = f.root.path("batch");
        JsonNode node = f.root.path("tiers").path(tier);
        String tierPath = "tiers." + tier;
        long jobs = f.count(batch, "batch", "concurrent_batch_jobs",
                base == null ? 100 : base.concurrentBatchJobs, Integer.MAX_VALUE);
        jobs = f.count(node, tierPath, "concurrent_batch_jobs", jobs, Integer.MAX_VALUE);
        long fileBytes = f.count(batch, "batch", "input_file_bytes",
                base == null ? 2_000_000_000L : base.maxInputFileBytes, Long.MAX_VALUE);
        Map<String, ModelLimits> out = new TreeMap<>(base == null ? Map.of() : base.models);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("models").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = Pricing.normalise(e.getKey());
            String path = tierPath + ".models." + e.getKey();
            ModelLimits old = out.get(name);
            JsonNode m = e.getValue();
            long u = ModelLimits.UNLIMITED;
            out.put(name, new ModelLimits(
                    f.count(m, path, "rpm", old == null ? u : old.rpm(), u),
                    f.count(m, path, "tpm", old == null ? u : old.tpm(), u),
                    f.count(m, path, "rpd", old == null ? u : old.rpd(), u),
                    f.count(m, path, "batch_enqueued_tokens", old == null ? 0 : old.batchEnqueuedTokens(), u)));
        }
        JsonNode s = node.path("spend");
        SpendLimits oldSpend = base == null ? SpendLimits.NONE : base.spend;
        SpendLimits spend = new SpendLimits(
                spendValue(f, s, tierPath + ".spend", "per_10_min_usd", oldSpend.per10MinUsd()),
                spendValue(f, s, tierPath + ".spend", "per_month_usd", oldSpend.perMonthUsd()));
        String source = base == null ? f.text(f.root, "source", f.name) : f.name;
        String asOf = f.text(f.root, "as_of", base == null ? "unknown" : base.asOf);
        return new TierLimits(tier, source, asOf, (int) Math.min(jobs, Integer.MAX_VALUE), fileBytes, out, spend);
    }

    private static double spendValue(RateCardFile f, JsonNode node, String path, String field, double old) {
        JsonNode v = node.get(field);
        return v != null && v.isNull() ? 0 : f.number(node, path, field, old);
    }

    @Override
    public String toString() {
        return "TierLimits[" + tier + ", " + models.size() + " models, concurrentBatchJobs="
                + concurrentBatchJobs + ", as of " + asOf + "]";
    }
}
