package dev.newsbatch.internal.plan;

import dev.newsbatch.Format;

import dev.newsbatch.internal.ThinkingChoice;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of planning: which estimator was used, per-article and total tokens, the batches and
 * waves, the cost in batch and in real-time mode, and the time each would take. {@link #toString()}
 * is a few lines; {@link #report()} is what {@code newsbatch estimate} prints.
 *
 * <pre>{@code
 * Plan plan = Planner.forModel("gemini-2.5-flash").plan(articles);
 * plan.batchCostUsd();      // e.g. 7.29
 * plan.waves().size();      // e.g. 4
 * System.out.println(plan.report());
 * }</pre>
 */
public final class Plan {
    private final String model;
    private final String tier;
    private final String estimator;
    private final String pricingAsOf;
    private final String limitsAsOf;
    private final ModelLimits limits;
    private final int maxItemsPerBatch;
    private final long maxBytesPerFile;
    private final double safeShare;
    private final long waveTokenBudget;
    private final int concurrentBatchJobs;
    private final double tokensPerSecond;
    private final double budgetUsd;
    private final long articles;
    private final TokenTotals totals;
    private final long jsonBytes;
    private final long minInputTokens;
    private final long maxInputTokens;
    private final List<BatchSlice> batches;
    private final List<Wave> waves;
    private final double batchCostUsd;
    private final double realtimeCostUsd;
    private final double flexCostUsd;
    private final List<String> warnings;
    private final ThinkingChoice thinking;
    private final SpendLimits spend;
    private final VertexLimits vertex;

    Plan(Planner p, ModelLimits limits, long articles, TokenTotals totals, long jsonBytes, long minInputTokens,
         long maxInputTokens, List<BatchSlice> batches, List<Wave> waves, double batchCostUsd,
         double realtimeCostUsd, double flexCostUsd, List<String> warnings) {
        this.model = p.model();
        this.tier = p.tier().tier();
        this.estimator = p.estimator().describe();
        this.pricingAsOf = p.pricing().asOf();
        this.limitsAsOf = p.tier().asOf();
        this.limits = limits;
        this.maxItemsPerBatch = p.sizing().maxItems();
        this.maxBytesPerFile = p.sizing().maxBytes();
        this.safeShare = p.safeShare();
        this.waveTokenBudget = p.waveTokenBudget();
        this.concurrentBatchJobs = p.tier().concurrentBatchJobs();
        this.tokensPerSecond = p.tokensPerSecond();
        this.budgetUsd = p.budgetUsd();
        this.articles = articles;
        this.totals = totals;
        this.jsonBytes = jsonBytes;
        this.minInputTokens = minInputTokens;
        this.maxInputTokens = maxInputTokens;
        this.batches = List.copyOf(batches);
        this.waves = List.copyOf(waves);
        this.batchCostUsd = batchCostUsd;
        this.realtimeCostUsd = realtimeCostUsd;
        this.flexCostUsd = flexCostUsd;
        this.warnings = List.copyOf(warnings);
        this.thinking = p.template().thinking();
        this.spend = p.tier().spend();
        this.vertex = p.tier().vertex().orElse(null);
    }

    public String model() { return model; }

    public String tier() { return tier; }

    /** The estimator used, e.g. {@code calibrated (4.00 chars/token, ...)} or {@code fixed (...)}. */
    public String estimator() { return estimator; }

    /** The date of the price table used. */
    public String pricingAsOf() { return pricingAsOf; }

    /** The date of the tier limits used. */
    public String limitsAsOf() { return limitsAsOf; }

    /** The model's limits in the tier. */
    public ModelLimits limits() { return limits; }

    public int maxItemsPerBatch() { return maxItemsPerBatch; }

    public long maxBytesPerFile() { return maxBytesPerFile; }

    public double safeShare() { return safeShare; }

    /** Input tokens one wave (or all running jobs together) may hold. */
    public long waveTokenBudget() { return waveTokenBudget; }

    public int concurrentBatchJobs() { return concurrentBatchJobs; }

    /** The USD budget cap, or 0. */
    public double budgetUsd() { return budgetUsd; }

    /** How many articles were planned. */
    public long articles() { return articles; }

    /** Token totals (split by short and long-context pricing). */
    public TokenTotals totals() { return totals; }

    public long inputTokens() { return totals.input(); }

    public long outputTokens() { return totals.output(); }

    /** Estimated bytes of all JSONL request lines. */
    public long jsonBytes() { return jsonBytes; }

    /** Mean prompt tokens per article. */
    public double meanInputTokens() { return articles == 0 ? 0 : (double) totals.input() / articles; }

    /** Mean output tokens per article. */
    public double meanOutputTokens() { return articles == 0 ? 0 : (double) totals.output() / articles; }

    public long minInputTokens() { return minInputTokens; }

    public long maxInputTokens() { return maxInputTokens; }

    public List<BatchSlice> batches() { return batches; }

    public List<Wave> waves() { return waves; }

    /** The most articles any wave holds. */
    public long maxArticlesPerWave() {
        return waves.stream().mapToLong(Wave::articles).max().orElse(0);
    }

    /** Estimated USD at batch prices. */
    public double batchCostUsd() { return batchCostUsd; }

    /** Estimated USD at standard (real-time) prices. */
    public double realtimeCostUsd() { return realtimeCostUsd; }

    /** Estimated USD on the Flex service tier; NaN when the model has none. */
    public double flexCostUsd() { return flexCostUsd; }

    /** The thinking setting and the tokens it is assumed to add per article. */
    public ThinkingChoice thinking() { return thinking; }

    /** Assumed thinking tokens in all (included in {@link #outputTokens()}). */
    public long thinkingTokens() { return thinking.expectedTokens() * articles; }

    /** The tier's spend limits. */
    public SpendLimits spend() { return spend; }

    /** Vertex AI's limits and price basis when the plan is for Vertex AI batch prediction. */
    public java.util.Optional<VertexLimits> vertex() { return java.util.Optional.ofNullable(vertex); }

    /** Things the user should know: no Batch API on the tier, oversize articles, budget exceeded. */
    public List<String> warnings() { return warnings; }

    /** The policy that admits these batches continuously, with the plan's budgets. */
    public AdmissionPolicy admission() {
        long limit = limits.batchEnqueuedTokens();
        return AdmissionPolicy.continuous(limit <= 0 ? Long.MAX_VALUE : limit, Math.max(1, concurrentBatchJobs))
                .budgetUsd(budgetUsd);
    }

    /**
     * The batch processing time if the service handles {@code tokensPerSecond} input tokens a second
     * (the lower bound: total tokens / speed); empty when no speed was given.
     */
    public Optional<Duration> estimatedBatchTime() {
        if (tokensPerSecond <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil(totals.input() * 1000.0 / tokensPerSecond)));
    }

    /**
     * The real-time duration at the model's RPM (and TPM), ignoring the daily limit; see
     * {@link #realtimeDays()} for that.
     */
    public Duration estimatedRealtimeTime() {
        double minutes = 0;
        if (limits.rpm() > 0 && limits.rpm() != ModelLimits.UNLIMITED) {
            minutes = (double) articles / limits.rpm();
        }
        if (limits.tpm() > 0 && limits.tpm() != ModelLimits.UNLIMITED) {
            minutes = Math.max(minutes, (double) totals.input() / limits.tpm());
        }
        return Duration.ofMillis((long) Math.ceil(minutes * 60_000));
    }

    /** Days the real-time run needs under the model's requests-per-day limit (1 when unlimited). */
    public long realtimeDays() {
        if (limits.rpd() == 0 || limits.rpd() == ModelLimits.UNLIMITED || articles == 0) {
            return articles == 0 ? 0 : 1;
        }
        return (articles + limits.rpd() - 1) / limits.rpd();
    }

    /** The multi-line report the {@code estimate} command prints. */
    public String report() {
        StringBuilder s = new StringBuilder();
        s.append("Estimate for ").append(Format.plural(articles, "article")).append(" on ").append(model).append(" (")
                .append(tier).append(')').append(System.lineSeparator());
        s.append(String.format(Locale.ROOT, "  estimator        %s%n", estimator));
        s.append("  tokens           ").append(Format.count(totals.input())).append(" input + ")
                .append(Format.count(totals.output())).append(" output (").append(Format.count(totals.output()
                        - thinkingTokens())).append(" answer + ").append(Format.count(thinkingTokens()))
                .append(" thinking)").append(System.lineSeparator());
        s.append("  per article      ").append(Format.count(Math.round(meanInputTokens()))).append(" input (min ")
                .append(Format.count(minInputTokens)).append(", max ").append(Format.count(maxInputTokens))
                .append(") + ").append(Format.count(Math.round(meanOutputTokens()))).append(" output")
                .append(System.lineSeparator());
        s.append("  thinking         ").append(thinking.description()).append(": ")
                .append(Format.count(thinking.expectedTokens())).append(" tokens per article assumed")
                .append(thinking.expectedTokens() == 0 ? ""
                        : " (billed as output; the least the model allows is the default)")
                .append(System.lineSeparator());
        s.append("  request files    ").append(bytes(jsonBytes)).append(" in ")
                .append(Format.plural(batches.size(), "batch")).append(" of at most ")
                .append(Format.plural(maxItemsPerBatch, "item")).append(System.lineSeparator());
        if (waveTokenBudget > 0 && waveTokenBudget != Long.MAX_VALUE && concurrentBatchJobs > 0) {
            s.append("  waves            ").append(Format.count(waves.size())).append(", at most ")
                    .append(Format.plural(maxArticlesPerWave(), "article")).append(" per wave (")
                    .append(Format.count(waveTokenBudget)).append(" tokens = ").append(Math.round(safeShare * 100))
                    .append("% of ").append(ModelLimits.show(limits.batchEnqueuedTokens())).append(" enqueued)")
                    .append(System.lineSeparator());
        }
        s.append("  cost, batch      ").append(Format.usd(batchCostUsd)).append(System.lineSeparator());
        s.append("  cost, real-time  ").append(Format.usd(realtimeCostUsd)).append(System.lineSeparator());
        if (!Double.isNaN(flexCostUsd)) {
            s.append("  cost, flex       ").append(Format.usd(flexCostUsd)).append(System.lineSeparator());
        }
        estimatedBatchTime().ifPresent(d -> s.append("  time, batch      ").append(duration(d))
                .append(" (lower bound at ").append(Format.count(Math.round(tokensPerSecond)))
                .append(" tokens/s)").append(System.lineSeparator()));
        s.append("  time, real-time  ").append(duration(estimatedRealtimeTime())).append(" at ")
                .append(ModelLimits.show(limits.rpm())).append(" RPM");
        if (realtimeDays() > 1) {
            s.append(", over ").append(realtimeDays()).append(" days at ").append(ModelLimits.show(limits.rpd()))
                    .append(" RPD");
        }
        s.append(System.lineSeparator());
        if (vertex != null) {
            s.append("  limits           ").append(vertex.limitsLine()).append(System.lineSeparator());
            s.append("  prices           ").append(vertex.pricesLine()).append(System.lineSeparator());
        } else {
            s.append("  limits           ").append(ModelLimits.show(limits.rpm())).append(" RPM, ")
                    .append(ModelLimits.show(limits.rpd())).append(" RPD, ")
                    .append(ModelLimits.show(limits.batchEnqueuedTokens())).append(" enqueued tokens; spend ")
                    .append(spend).append(spend.exceedsMonth(batchCostUsd) ? " (OVER)" : "")
                    .append(System.lineSeparator());
        }
        if (budgetUsd > 0) {
            s.append("  budget cap       ").append(Format.usd(budgetUsd)).append(System.lineSeparator());
        }
        for (String w : warnings) {
            s.append("  warning: ").append(w).append(System.lineSeparator());
        }
        s.append("  prices as of ").append(pricingAsOf).append(", limits as of ").append(limitsAsOf);
        if (vertex != null) {
            s.append(" (sources: ").append(String.join("; ", vertex.sources())).append(')');
        } else {
            s.append(" (per-project limits are in AI Studio; give yours with --enqueued-tokens, --rpm, --rpd, "
                    + "--spend-per-10min, --spend-per-month)");
        }
        return s.toString();
    }

    static String bytes(long b) {
        if (b >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f GB", b / 1e9);
        }
        if (b >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f MB", b / 1e6);
        }
        return Format.plural(b, "byte");
    }

    static String duration(Duration d) {
        return Format.duration(d);
    }

    @Override
    public String toString() {
        String nl = System.lineSeparator();
        return "Plan[" + model + "/" + tier + ", " + Format.plural(articles, "article") + ", "
                + Format.count(totals.input()) + " in + " + Format.count(totals.output()) + " out tokens," + nl
                + "  " + Format.plural(batches.size(), "batch") + " in " + Format.plural(waves.size(), "wave")
                + ", batch " + Format.usd(batchCostUsd) + " vs real-time " + Format.usd(realtimeCostUsd) + "," + nl
                + "  estimator " + estimator + "]";
    }
}
