package dev.newsbatch.internal.plan;

import dev.newsbatch.Format;

import dev.newsbatch.Article;
import dev.newsbatch.internal.Checks;
import dev.newsbatch.internal.ModelCatalog;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Plans a run before anything is sent: token estimates, cost in batch and real-time mode, batches
 * (at most N items, at most the file-size limit, at most the safe share of the tier's enqueued-token
 * limit) and waves. Immutable: each wither returns a new planner. Planning streams: it keeps batch
 * boundaries and sums, never the articles, so a million articles plan in little memory.
 * The safe share is the fraction of the enqueued-token limit the plan may fill (default 90%).
 *
 * <pre>{@code
 * Plan plan = Planner.forModel("gemini-2.5-flash").tier("tier1")
 *         .estimator(TokenEstimator.fixed(2_800, 150))
 *         .plan(articles.iterator());
 * System.out.println(plan.report());
 * }</pre>
 */
public final class Planner {
    private final String model;
    private final TierLimits tier;
    private final Pricing pricing;
    private final TokenEstimator estimator;
    private final RequestTemplate template;
    private final int maxItemsPerBatch;
    private final long maxBytesPerFile;
    private final double safeShare;
    private final double tokensPerSecond;
    private final double budgetUsd;
    private final InputLimit inputLimit;

    private Planner(Draft d) {
        this.model = Pricing.normalise(Checks.notBlank(d.model, "model"));
        this.tier = Checks.notNull(d.tier, "tier");
        this.pricing = Checks.notNull(d.pricing, "pricing");
        this.estimator = Checks.notNull(d.estimator, "estimator");
        this.template = Checks.notNull(d.template, "template");
        this.maxItemsPerBatch = (int) Checks.atLeast(d.maxItemsPerBatch, 1, "maxItemsPerBatch");
        this.maxBytesPerFile = Checks.atLeast(d.maxBytesPerFile, 1, "maxBytesPerFile");
        if (!(d.safeShare > 0 && d.safeShare <= 1)) {
            throw new IllegalArgumentException("safeShare must be > 0 and <= 1, was " + d.safeShare);
        }
        this.safeShare = d.safeShare;
        this.tokensPerSecond = Checks.atLeast(d.tokensPerSecond, 0.0, "tokensPerSecond");
        this.budgetUsd = Checks.atLeast(d.budgetUsd, 0.0, "budgetUsd");
        this.inputLimit = InputLimit.of(d.maxInputTokens);
    }

    /**
     * A planner for {@code model} on tier 1 with the shipped prices, the calibrated estimator, no
     * template, 1,000 items per batch, the tier's file-size limit and a 90% safe share.
     */
    public static Planner forModel(String model) {
        Draft d = new Draft();
        d.model = model;
        d.tier = TierLimits.preset("tier1");
        d.pricing = Pricing.defaults();
        d.estimator = TokenEstimator.calibrated();
        d.template = RequestTemplate.none();
        d.maxItemsPerBatch = 1_000;
        d.maxBytesPerFile = d.tier.maxInputFileBytes();
        d.safeShare = AdmissionPolicy.SEED_SHARE;
        d.maxInputTokens = dev.newsbatch.RunConfig.DEFAULT_MAX_INPUT_TOKENS;
        return new Planner(d);
    }

    public String model() { return model; }

    public TierLimits tier() { return tier; }

    public Pricing pricing() { return pricing; }

    public TokenEstimator estimator() { return estimator; }

    public RequestTemplate template() { return template; }

    public int maxItemsPerBatch() { return maxItemsPerBatch; }

    public long maxBytesPerFile() { return maxBytesPerFile; }

    public double safeShare() { return safeShare; }

    public double tokensPerSecond() { return tokensPerSecond; }

    public double budgetUsd() { return budgetUsd; }

    /** A copy for another model. */
    public Planner model(String name) {
        return with(d -> d.model = name);
    }

    /** A copy with other tier limits; the file-size limit follows the tier's. */
    public Planner tier(TierLimits limits) {
        Checks.notNull(limits, "tier");
        return with(d -> {
            d.tier = limits;
            d.maxBytesPerFile = limits.maxInputFileBytes();
        });
    }

    /** A copy with a preset tier: {@code free}, {@code tier1}, {@code tier2}, {@code tier3}. */
    public Planner tier(String preset) {
        return tier(TierLimits.preset(preset));
    }

    /** A copy with other prices. */
    public Planner pricing(Pricing table) {
        return with(d -> d.pricing = table);
    }

    /** A copy with another token estimator. */
    public Planner estimator(TokenEstimator e) {
        return with(d -> d.estimator = e);
    }

    /** A copy with the request template (prompt, system instruction, schema). */
    public Planner template(RequestTemplate t) {
        return with(d -> d.template = t);
    }

    /** A copy refusing requests over {@code tokens} input tokens, as the engine does. Default: 1,048,576. */
    public Planner maxInputTokens(long tokens) {
        return with(d -> d.maxInputTokens = tokens);
    }

    /** A copy with at most {@code items} requests per batch. Default: 1,000. */
    public Planner maxItemsPerBatch(int items) {
        return with(d -> d.maxItemsPerBatch = items);
    }

    /** A copy with at most {@code bytes} per JSONL input file. Default: the tier's (2 GB). */
    public Planner maxBytesPerFile(long bytes) {
        return with(d -> d.maxBytesPerFile = bytes);
    }

    /** A copy filling at most {@code share} (0..1] of the enqueued-token limit. Default: 0.9. */
    public Planner safeShare(double share) {
        return with(d -> d.safeShare = share);
    }

    /** A copy that estimates batch time at {@code tokens} input tokens processed per second (0 = unknown). */
    public Planner tokensPerSecond(double tokens) {
        return with(d -> d.tokensPerSecond = tokens);
    }

    /** A copy with a USD budget cap the plan checks and the admission gate enforces (0 = none). */
    public Planner budgetUsd(double usd) {
        return with(d -> d.budgetUsd = usd);
    }

    private Planner with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new Planner(d);
    }

    /** The one job-sizing rule with this planner's caps: items, file bytes, and tokens from the tier's limit. */
    public JobSizing sizing() {
        return tier.sizing(model, maxItemsPerBatch, maxBytesPerFile);
    }

    /** The enqueued-token budget of one wave: the safe share of the tier's limit (0 without batch). */
    public long waveTokenBudget() {
        long limit = tier.model(model).batchEnqueuedTokens();
        if (limit == ModelLimits.UNLIMITED) {
            return Long.MAX_VALUE;
        }
        return (long) Math.floor(limit * safeShare);
    }

    /** Plans {@code articles}, consuming the iterator once without keeping the articles. */
    public Plan plan(Iterator<Article> articles) {
        Checks.notNull(articles, "articles");
        ModelPricing prices = pricing.model(model);
        ModelLimits limits = tier.model(model);
        PlanBuilder b = new PlanBuilder(this, prices, limits);
        while (articles.hasNext()) {
            Article a = Objects.requireNonNull(articles.next(), "articles must not contain null");
            TokenEstimate e = estimator.estimate(template, a);
            if (inputLimit.refusal(e.inputTokens()).isPresent()) {
                b.refuse(a, e.inputTokens());
                continue;
            }
            b.add(a, new TokenEstimate(e.inputTokens(), template.billedOutputTokens(e.outputTokens())),
                    template.lineBytes(a));
        }
        return b.finish();
    }

    /** Plans {@code articles}; the stream is consumed and closed. */
    public Plan plan(Stream<Article> articles) {
        Checks.notNull(articles, "articles");
        try (articles) {
            return plan(articles.iterator());
        }
    }

    /** Plans {@code articles}. */
    public Plan plan(Iterable<Article> articles) {
        Checks.notNull(articles, "articles");
        return plan(articles.iterator());
    }

    @Override
    public String toString() {
        return "Planner[" + model + ", " + tier.tier() + ", " + estimator.describe() + ", "
                + maxItemsPerBatch + " items/batch, safeShare=" + safeShare + "]";
    }

    /** The settings of a planner being changed: the one place that lists them for a copy. */
    private static final class Draft {
        String model;
        TierLimits tier;
        Pricing pricing;
        TokenEstimator estimator;
        RequestTemplate template;
        int maxItemsPerBatch;
        long maxBytesPerFile;
        double safeShare;
        double tokensPerSecond;
        double budgetUsd;
        long maxInputTokens;

        Draft() {
        }

        Draft(Planner p) {
            model = p.model;
            tier = p.tier;
            pricing = p.pricing;
            estimator = p.estimator;
            template = p.template;
            maxInputTokens = p.inputLimit.maxInputTokens();
            maxItemsPerBatch = p.maxItemsPerBatch;
            maxBytesPerFile = p.maxBytesPerFile;
            safeShare = p.safeShare;
            tokensPerSecond = p.tokensPerSecond;
            budgetUsd = p.budgetUsd;
        }
    }

    /** The streaming state of one planning pass. */
    static final class PlanBuilder {
        final Planner p;
        final ModelPricing prices;
        final ModelLimits limits;
        final long waveBudget;
        final int jobsPerWave;
        final JobSizing sizing;
        final List<BatchSlice> batches = new ArrayList<>();
        final List<Wave> waves = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        long index;
        TokenTotals totals = TokenTotals.ZERO;
        long bytes;
        long minInput = Long.MAX_VALUE;
        long maxInput;
        long oversize;
        long refused;

        long batchStart;
        long batchTokens;
        long batchOutput;
        long batchBytes;
        TokenTotals batchTotals = TokenTotals.ZERO;
        String batchFirstId;
        String batchLastId;

        int waveFirstBatch;
        long waveArticles;
        long waveTokens;

        double committedUsd;
        long articlesWithinBudget = -1;

        PlanBuilder(Planner p, ModelPricing prices, ModelLimits limits) {
            this.p = p;
            this.prices = prices;
            this.limits = limits;
            modelWarnings(p.model).forEach(warnings::add);
            long budget = p.waveTokenBudget();
            this.sizing = p.sizing();
            if (budget <= 0 || p.tier.concurrentBatchJobs() <= 0) {
                warnings.add("tier " + p.tier.tier() + " has no Batch API for " + p.model
                        + "; batches are split by items and bytes only");
                this.waveBudget = Long.MAX_VALUE;
                this.jobsPerWave = Integer.MAX_VALUE;
            } else {
                this.waveBudget = budget;
                this.jobsPerWave = p.tier.concurrentBatchJobs();
            }
        }

        /** What the catalogue says of the model that the user should know before sending anything. */
        static List<String> modelWarnings(String model) {
            java.time.LocalDate today = ModelCatalog.today();
            return ModelCatalog.defaults().model(model).map(m -> switch (m.statusOn(today)) {
                case SHUT_DOWN -> List.of("model " + m.id() + " " + m.lifeLine(today)
                        + ": these figures are for reference only; submitting is refused");
                case DEPRECATED -> List.of("model " + m.id() + " " + m.lifeLine(today));
                default -> List.<String>of();
            }).orElse(List.of("model " + model + " is not in the model catalogue (as of "
                    + ModelCatalog.defaults().asOf() + "); submitting is refused"));
        }

        /** An article the model would refuse: never sent, so in no batch and in no total. */
        void refuse(Article a, long inputTokens) {
            if (refused++ == 0) {
                warnings.add("article " + a.id() + " needs about " + inputTokens + " input tokens, over the model's "
                        + "limit of " + p.inputLimit.maxInputTokens() + "; it is refused, never sent (INPUT_TOO_LARGE)");
            }
        }

        void add(Article a, TokenEstimate e, long lineBytes) {
            long in = e.inputTokens();
            boolean longContext = prices.isLongContext(in);
            if (in > sizing.maxTokens() || lineBytes > p.maxBytesPerFile) {
                if (oversize++ == 0) {
                    warnings.add("article " + a.id() + " (#" + index + ") needs " + in + " tokens and "
                            + lineBytes + " bytes, more than one batch may hold; it gets a batch of its own");
                }
            }
            if (sizing.closesBefore(index - batchStart, batchBytes, batchTokens, lineBytes, in)) {
                closeBatch();
            }
            if (index == batchStart) {
                batchFirstId = a.id();
            }
            batchLastId = a.id();
            batchTokens += in;
            batchOutput += e.outputTokens();
            batchBytes += lineBytes;
            batchTotals = batchTotals.add(in, e.outputTokens(), longContext);
            totals = totals.add(in, e.outputTokens(), longContext);
            bytes += lineBytes;
            minInput = Math.min(minInput, in);
            maxInput = Math.max(maxInput, in);
            index++;
        }

        /**
         * Closes the open batch; a batch that would take its wave past the token budget or the job
         * limit starts the next wave (waves are whole batches, as the admission policy sends them).
         */
        void closeBatch() {
            int inWave = batches.size() - waveFirstBatch;
            if (inWave > 0 && (waveTokens + batchTokens > waveBudget || inWave >= jobsPerWave)) {
                closeWave();
            }
            waveTokens += batchTokens;
            waveArticles += index - batchStart;
            double cost = prices.cost(Mode.BATCH, batchTotals);
            int waveNo = waves.size();
            batches.add(new BatchSlice(batches.size(), waveNo, batchStart, index, batchFirstId, batchLastId,
                    batchTokens, batchOutput, batchBytes, cost));
            if (p.budgetUsd > 0 && articlesWithinBudget < 0 && committedUsd + cost > p.budgetUsd + 1e-9) {
                articlesWithinBudget = batchStart;
            }
            committedUsd += cost;
            batchStart = index;
            batchTokens = 0;
            batchOutput = 0;
            batchBytes = 0;
            batchTotals = TokenTotals.ZERO;
        }

        void closeWave() {
            long tokens = 0;
            long articles = 0;
            for (int i = waveFirstBatch; i < batches.size(); i++) {
                tokens += batches.get(i).inputTokens();
                articles += batches.get(i).items();
            }
            waves.add(new Wave(waves.size(), waveFirstBatch, batches.size(), articles, tokens));
            waveFirstBatch = batches.size();
            waveTokens = 0;
            waveArticles = 0;
        }

        Plan finish() {
            if (index > batchStart) {
                closeBatch();
            }
            if (batches.size() > waveFirstBatch) {
                closeWave();
            }
            if (refused > 1) {
                warnings.add(refused + " articles are over the model's input limit and are not sent");
            }
            if (oversize > 1) {
                warnings.add(oversize + " articles exceed a batch's limits on their own");
            }
            double batchUsd = prices.cost(Mode.BATCH, totals);
            double realtimeUsd = prices.cost(Mode.REALTIME, totals);
            double flexUsd = prices.flex() == null ? Double.NaN : prices.cost(Mode.FLEX, totals);
            SpendLimits spend = p.tier.spend();
            if (spend.exceedsMonth(batchUsd)) {
                warnings.add("batch cost " + Format.usd(batchUsd) + " is over the " + p.tier.tier()
                        + " monthly spend limit of " + Format.usd(spend.perMonthUsd()) + ": Gemini refuses work past "
                        + "it with 429 (give your own limit with --spend-per-month, or split the run)");
            }
            if (p.budgetUsd > 0 && batchUsd > p.budgetUsd + 1e-9) {
                warnings.add("batch estimate " + Format.usd(batchUsd) + " exceeds the budget cap "
                        + Format.usd(p.budgetUsd) + ": only the first " + Format.plural(Math.max(0,
                        articlesWithinBudget), "article") + " fit");
            }
            return new Plan(p, limits, index, totals, bytes, index == 0 ? 0 : minInput, maxInput,
                    batches, waves, batchUsd, realtimeUsd, flexUsd, warnings);
        }
    }
}
