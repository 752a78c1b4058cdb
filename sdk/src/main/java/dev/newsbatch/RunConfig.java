package dev.newsbatch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.newsbatch.internal.Checks;
import dev.newsbatch.internal.ModelCatalog;
import dev.newsbatch.schema.Answer;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.schema.NewsClassification;
import dev.newsbatch.schema.Prompts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Every setting of a run, typed: what a {@link BatchSpec} holds, what the ledger records with the
 * run, and what {@link Batches#resume(String)} reads back. Immutable; each {@code withX} returns a
 * copy. Specs are the usual way to build one.
 *
 * <pre>{@code
 * RunConfig c = Batches.from(articles).model("gemini-3.1-flash-lite").tier2().config();
 * c.tier();                  // TIER_2
 * c.withBatchSize(500);      // a copy
 * }</pre>
 *
 * @param name             the run's name, or null for one made from its input and settings
 * @param model            the Gemini model. Default: the catalogue's default model ({@link #DEFAULT_MODEL})
 * @param tier             the project's quota tier. Default: {@link Tier#TIER_1}
 * @param mode             how articles are sent. Default: {@link RunMode#BATCH}
 * @param batchSize        maximum requests per batch job. Default: 1,000
 * @param prompts          system instruction and prompt template
 * @param schema           the record type answers are parsed into. Default: {@link NewsClassification}
 * @param schemaJson       the response schema given as JSON ({@link ClassificationSchema#fromJson}), whose rows
 *                         are {@link Answer}s; null for a record type's schema. Default: null
 * @param estimator        how tokens are estimated before sending. Default: {@link Estimator#calibrated()}
 * @param rpm              real-time requests per minute; 0 means the tier's limit. Default: 0
 * @param dailyCap         real-time requests per day; 0 means no cap. Default: 0
 * @param budgetUsd        a cap on the estimated spend in USD; 0 means none. Default: 0
 * @param maxAttempts      how often an article is sent at most. Default: 3
 * @param maxInputTokens   the largest request accepted, in input tokens, at most the model's own input
 *                         limit from the catalogue. Default: 1,048,576
 * @param deadline         how long {@code await()} works on the run at most. Default: 24 hours
 * @param pollInterval     the first pause between status polls. Default: 2 seconds
 * @param thinking         how much the model may think. Default: {@link Thinking#least()}
 * @param enqueuedTokens   the project's batch enqueued-token limit; 0 means the tier's published one
 * @param spendPer10MinUsd the project's spend limit per rolling 10 minutes; 0 means the tier's
 * @param spendPerMonthUsd the project's monthly spend limit; 0 means the tier's
 * @param costDriftFactor  admission pauses when the actual cost per article runs this many times over
 *                         the estimate; 0 turns the check off. Default: 1.5
 * @param vertex           where batch jobs run on Vertex AI batch prediction, or null for the Gemini API
 *                         (or what the environment names, see {@link VertexTarget#fromEnvironment})
 * @param directory        where request files, results and the ledger are kept (not recorded: the
 *                         ledger lives there)
 */
public record RunConfig(String name, String model, Tier tier, RunMode mode, int batchSize, Prompts prompts,
                        Class<? extends Record> schema,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String schemaJson, Estimator estimator, int rpm, int dailyCap,
                        double budgetUsd, int maxAttempts, long maxInputTokens, Duration deadline,
                        Duration pollInterval, Thinking thinking, long enqueuedTokens, double spendPer10MinUsd,
                        double spendPerMonthUsd, double costDriftFactor, VertexTarget vertex,
                        @JsonIgnore Path directory) {
    /** The model of a spec that names none: the model catalogue's default (current, cheap, batch-capable). */
    public static final String DEFAULT_MODEL = ModelCatalog.defaults().defaultModel();
    /** The default {@link #costDriftFactor()}. */
    public static final double DEFAULT_COST_DRIFT_FACTOR = 1.5;
    /** Gemini 2.5's input limit, the largest request sent unless the config says otherwise. */
    public static final long DEFAULT_MAX_INPUT_TOKENS = 1_048_576;

    public RunConfig {
        Checks.notBlank(model, "model");
        Checks.notNull(tier, "tier");
        Checks.notNull(mode, "mode");
        Checks.atLeast(batchSize, 1, "batchSize");
        Checks.notNull(prompts, "prompts");
        Checks.notNull(schema, "schema");
        if ((schema == Answer.class) != (schemaJson != null)) {
            throw new IllegalArgumentException("schemaJson must be given exactly when schema is Answer, was "
                    + (schemaJson == null ? "null" : "set") + " with " + schema.getSimpleName());
        }
        Checks.notNull(estimator, "estimator");
        Checks.atLeast(rpm, 0, "rpm");
        Checks.atLeast(dailyCap, 0, "dailyCap");
        money(budgetUsd, "budgetUsd");
        Checks.atLeast(maxAttempts, 1, "maxAttempts");
        Checks.atLeast(maxInputTokens, 1, "maxInputTokens");
        positive(deadline, "deadline");
        positive(pollInterval, "pollInterval");
        thinking = thinking == null ? Thinking.least() : thinking;
        Checks.atLeast(enqueuedTokens, 0, "enqueuedTokens");
        money(spendPer10MinUsd, "spendPer10MinUsd");
        money(spendPerMonthUsd, "spendPerMonthUsd");
        money(costDriftFactor, "costDriftFactor");
        if (costDriftFactor > 0 && costDriftFactor < 1) {
            throw new IllegalArgumentException("costDriftFactor must be 0 (off) or >= 1, was " + costDriftFactor);
        }
        directory = directory == null ? Path.of("batch_jobs") : directory;
    }

    /** The defaults, keeping state in {@code directory}. */
    public static RunConfig ofDefaults(Path directory) {
        return new RunConfig(null, DEFAULT_MODEL, Tier.TIER_1, RunMode.BATCH, 1000, Prompts.ofDefaults(),
                NewsClassification.class, null, Estimator.calibrated(), 0, 0, 0, 3, DEFAULT_MAX_INPUT_TOKENS,
                Duration.ofHours(24), Duration.ofSeconds(2), Thinking.least(), 0, 0, 0, DEFAULT_COST_DRIFT_FACTOR,
                null, directory);
    }

    /** A copy with another name. */
    public RunConfig withName(String v) {
        return copy(b -> b.name = v);
    }

    /** A copy with another model. */
    public RunConfig withModel(String v) {
        return copy(b -> b.model = v);
    }

    /** A copy with another tier. */
    public RunConfig withTier(Tier v) {
        return copy(b -> b.tier = v);
    }

    /** A copy with another mode. */
    public RunConfig withMode(RunMode v) {
        return copy(b -> b.mode = v);
    }

    /** A copy with another batch size. */
    public RunConfig withBatchSize(int v) {
        return copy(b -> b.batchSize = v);
    }

    /** A copy with other prompts. */
    public RunConfig withPrompts(Prompts v) {
        return copy(b -> b.prompts = v);
    }

    /** A copy classifying into another record type. */
    public RunConfig withSchema(Class<? extends Record> v) {
        return copy(b -> {
            b.schema = v;
            b.schemaJson = null;
        });
    }

    /** A copy classifying into {@code v}: a record type's schema, or one given as JSON. */
    public RunConfig withSchema(ClassificationSchema<?> v) {
        Checks.notNull(v, "schema");
        return copy(b -> {
            b.schema = v.type();
            b.schemaJson = v.json().orElse(null);
        });
    }

    /** The classification schema of the run: {@link #schemaJson()} read back, or the record type's. */
    @JsonIgnore
    public ClassificationSchema<?> classificationSchema() {
        return schemaJson != null ? ClassificationSchema.fromJson(schemaJson) : ClassificationSchema.of(schema);
    }

    /** A copy with another estimator. */
    public RunConfig withEstimator(Estimator v) {
        return copy(b -> b.estimator = v);
    }

    /** A copy with another real-time rate. */
    public RunConfig withRpm(int v) {
        return copy(b -> b.rpm = v);
    }

    /** A copy with another daily cap. */
    public RunConfig withDailyCap(int v) {
        return copy(b -> b.dailyCap = v);
    }

    /** A copy with another budget cap. */
    public RunConfig withBudgetUsd(double v) {
        return copy(b -> b.budgetUsd = v);
    }

    /** A copy with another attempt limit. */
    public RunConfig withMaxAttempts(int v) {
        return copy(b -> b.maxAttempts = v);
    }

    /** A copy with another input-token limit. */
    public RunConfig withMaxInputTokens(long v) {
        return copy(b -> b.maxInputTokens = v);
    }

    /** A copy with another deadline. */
    public RunConfig withDeadline(Duration v) {
        return copy(b -> b.deadline = v);
    }

    /** A copy with another first poll interval. */
    public RunConfig withPollInterval(Duration v) {
        return copy(b -> b.pollInterval = v);
    }

    /** A copy with another thinking setting. */
    public RunConfig withThinking(Thinking v) {
        return copy(b -> b.thinking = v);
    }

    /** A copy with the project's own batch enqueued-token limit (0: the tier's). */
    public RunConfig withEnqueuedTokens(long v) {
        return copy(b -> b.enqueuedTokens = v);
    }

    /** A copy with the project's own spend limit per rolling 10 minutes (0: the tier's). */
    public RunConfig withSpendPer10MinUsd(double v) {
        return copy(b -> b.spendPer10MinUsd = v);
    }

    /** A copy with the project's own monthly spend limit (0: the tier's). */
    public RunConfig withSpendPerMonthUsd(double v) {
        return copy(b -> b.spendPerMonthUsd = v);
    }

    /** A copy with another cost-drift factor (0: no check). */
    public RunConfig withCostDriftFactor(double v) {
        return copy(b -> b.costDriftFactor = v);
    }

    /** A copy whose batch jobs run on Vertex AI batch prediction at {@code v} (null: the Gemini API). */
    public RunConfig withVertex(VertexTarget v) {
        return copy(b -> b.vertex = v);
    }

    /** A copy keeping its state in another directory. */
    public RunConfig withDirectory(Path v) {
        return copy(b -> b.directory = v);
    }

    private RunConfig copy(java.util.function.Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return d.build();
    }

    private static void money(double v, String field) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + " must be >= 0 and finite, was " + v);
        }
    }

    private static void positive(Duration d, String field) {
        Checks.notNull(d, field);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be > 0, was " + d);
        }
    }

    @Override
    public String toString() {
        return "RunConfig[" + (name == null ? "" : name + ", ") + model + ", " + tier + ", "
                + mode.name().toLowerCase(Locale.ROOT) + ", batchSize=" + batchSize + ", schema="
                + schema.getSimpleName() + ", thinking " + thinking + ", " + estimator + "]";
    }

    /** The one mutable copy a {@code withX} edits before it becomes a new config. */
    private static final class Draft {
        String name;
        String model;
        Tier tier;
        RunMode mode;
        int batchSize;
        Prompts prompts;
        Class<? extends Record> schema;
        String schemaJson;
        Estimator estimator;
        int rpm;
        int dailyCap;
        double budgetUsd;
        int maxAttempts;
        long maxInputTokens;
        Duration deadline;
        Duration pollInterval;
        Thinking thinking;
        long enqueuedTokens;
        double spendPer10MinUsd;
        double spendPerMonthUsd;
        double costDriftFactor;
        VertexTarget vertex;
        Path directory;

        Draft(RunConfig c) {
            name = c.name;
            model = c.model;
            tier = c.tier;
            mode = c.mode;
            batchSize = c.batchSize;
            prompts = c.prompts;
            schema = c.schema;
            schemaJson = c.schemaJson;
            estimator = c.estimator;
            rpm = c.rpm;
            dailyCap = c.dailyCap;
            budgetUsd = c.budgetUsd;
            maxAttempts = c.maxAttempts;
            maxInputTokens = c.maxInputTokens;
            deadline = c.deadline;
            pollInterval = c.pollInterval;
            thinking = c.thinking;
            enqueuedTokens = c.enqueuedTokens;
            spendPer10MinUsd = c.spendPer10MinUsd;
            spendPerMonthUsd = c.spendPerMonthUsd;
            costDriftFactor = c.costDriftFactor;
            vertex = c.vertex;
            directory = c.directory;
        }

        RunConfig build() {
            return new RunConfig(name, model, tier, mode, batchSize, prompts, schema, schemaJson, estimator, rpm,
                    dailyCap, budgetUsd, maxAttempts, maxInputTokens, deadline, pollInterval, thinking, enqueuedTokens,
                    spendPer10MinUsd, spendPerMonthUsd, costDriftFactor, vertex, directory);
        }
    }
}
