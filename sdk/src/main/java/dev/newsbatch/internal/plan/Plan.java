package dev.newsbatch.internal.plan;

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

    Plan(Planner p, ModelLimits limits, long articles, TokenTotals totals, long jsonBytes, long minInputTokens,
         long maxInputTokens, List<BatchSlice> batches, List<Wave> waves, double batchCostUsd,
         double realtimeCostUsd, double flexCostUsd, List<String> warnings) {
        this.model = p.model();
        this.tier = p.tier().tier();
        this.estimator = p.estimator().describe();
        this.pricingAsOf = p.pricing().asOf();
        this.limitsAsOf = p.tier().asOf();
        this.limits = limits;
        this.maxItemsPerBatch = p.maxItemsPerBatch();
        this.maxBytesPerFile = p.maxBytesPerFile();
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
        s.append(String.format(Locale.ROOT, "Estimate for %,d articles on %s (%s)%n", articles, model, tier));
        s.append(String.format(Locale.ROOT, "  estimator        %s%n", estimator));
        s.append(String.format(Locale.ROOT, "  tokens           %,d input + %,d output (%,d answer + %,d thinking)%n",
                totals.input(), totals.output(), totals.output() - thinkingTokens(), thinkingTokens()));
        s.append(String.format(Locale.ROOT, "  per article      %,.0f input (min %,d, max %,d) + %,.0f output%n",
                meanInputTokens(), minInputTokens, maxInputTokens, meanOutputTokens()));
        s.append(String.format(Locale.ROOT, "  thinking         %s: %,d tokens per article assumed%s%n",
                thinking.description(), thinking.expectedTokens(), thinking.expectedTokens() == 0 ? ""
                        : " (billed as output; the least the model allows is the default)"));
        s.append(String.format(Locale.ROOT, "  request files    %s in %,d batches of at most %,d items%n",
                bytes(jsonBytes), batches.size(), maxItemsPerBatch));
        if (waveTokenBudget > 0 && concurrentBatchJobs > 0) {
            s.append(String.format(Locale.ROOT, "  waves            %,d, at most %,d articles per wave "
                            + "(%,d tokens = %.0f%% of %s enqueued)%n", waves.size(), maxArticlesPerWave(),
                    waveTokenBudget, safeShare * 100, ModelLimits.show(limits.batchEnqueuedTokens())));
        }
        s.append(String.format(Locale.ROOT, "  cost, batch      $%,.2f%n", batchCostUsd));
        s.append(String.format(Locale.ROOT, "  cost, real-time  $%,.2f%n", realtimeCostUsd));
        if (!Double.isNaN(flexCostUsd)) {
            s.append(String.format(Locale.ROOT, "  cost, flex       $%,.2f%n", flexCostUsd));
        }
        estimatedBatchTime().ifPresent(d -> s.append("  time, batch      ").append(duration(d))
                .append(" (lower bound at ").append(String.format(Locale.ROOT, "%,.0f", tokensPerSecond))
                .append(" tokens/s)").append(System.lineSeparator()));
        s.append("  time, real-time  ").append(duration(estimatedRealtimeTime())).append(" at ")
                .append(ModelLimits.show(limits.rpm())).append(" RPM");
        if (realtimeDays() > 1) {
            s.append(", over ").append(realtimeDays()).append(" days at ").append(ModelLimits.show(limits.rpd()))
                    .append(" RPD");
        }
        s.append(System.lineSeparator());
        s.append("  limits           ").append(ModelLimits.show(limits.rpm())).append(" RPM, ")
                .append(ModelLimits.show(limits.rpd())).append(" RPD, ")
                .append(ModelLimits.show(limits.batchEnqueuedTokens())).append(" enqueued tokens; spend ")
                .append(spend).append(spend.exceedsMonth(batchCostUsd) ? " (OVER)" : "")
                .append(System.lineSeparator());
        if (budgetUsd > 0) {
            s.append(String.format(Locale.ROOT, "  budget cap       $%,.2f%n", budgetUsd));
        }
        for (String w : warnings) {
            s.append("  warning: ").append(w).append(System.lineSeparator());
        }
        s.append("  prices as of ").append(pricingAsOf).append(", limits as of ").append(limitsAsOf)
                .append(" (per-project limits are in AI Studio; give yours with --enqueued-tokens, --rpm, --rpd, "
                        + "--spend-per-10min, --spend-per-month)");
        return s.toString();
    }

    static String bytes(long b) {
        if (b >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f GB", b / 1e9);
        }
        if (b >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f MB", b / 1e6);
        }
        return String.format(Locale.ROOT, "%,d bytes", b);
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s >= 86_400) {
            return String.format(Locale.ROOT, "%dd %dh", s / 86_400, (s % 86_400) / 3600);
        }
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Plan[%s/%s, %,d articles, %,d in + %,d out tokens,%n"
                        + "  %,d batches in %,d waves, batch $%,.2f vs real-time $%,.2f,%n  estimator %s]",
                model, tier, articles, totals.input(), totals.output(), batches.size(), waves.size(),
                batchCostUsd, realtimeCostUsd, estimator);
    }
}
