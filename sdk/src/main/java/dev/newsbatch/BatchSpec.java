package dev.newsbatch;

import dev.newsbatch.internal.ArticleSource;
import dev.newsbatch.internal.Checks;
import dev.newsbatch.internal.ModelCatalog;
import dev.newsbatch.internal.RunService;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.schema.NewsClassification;
import dev.newsbatch.schema.Prompts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * An immutable description of a classification run: which articles, which model, which quota tier,
 * how to send them and where to keep state. Every wither returns a new spec, so a notebook cell can
 * be re-run safely; {@link #submit()} starts the run and returns its handle.
 *
 * <p>Terms: a <em>tier</em> is Google's quota level of a paid project (free, tier 1–3); it sets the
 * enqueued-token budget and rate limits. <em>Waves</em> send batches in groups under that budget,
 * each after the previous is done; <em>continuous</em> admission starts the next batch as soon as the
 * budget has room; <em>real-time</em> sends one request per article at full price.
 *
 * <pre>{@code
 * BatchSpec<NewsClassification> spec = Batches.from(Path.of("batch_contents.json"))
 *         .model("gemini-3.1-flash-lite").tier1().continuous().name("october");
 * spec.estimate();                          // tokens, batches, waves, USD
 * Results<NewsClassification> r = spec.submit().await().collect();
 * }</pre>
 *
 * @param <T> the classification record type
 */
public final class BatchSpec<T extends Record> {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final ArticleSource source;
    private final ClassificationSchema<T> schema;
    private final RunConfig config;

    private BatchSpec(ArticleSource source, ClassificationSchema<T> schema, RunConfig config) {
        this.source = source;
        this.schema = schema;
        this.config = config;
    }

    static BatchSpec<NewsClassification> of(ArticleSource source) {
        return new BatchSpec<>(source, ClassificationSchema.news(), RunConfig.ofDefaults(Batches.defaultDirectory()));
    }

    static <R extends Record> BatchSpec<R> of(ArticleSource source, ClassificationSchema<R> schema, RunConfig config) {
        return new BatchSpec<>(source, schema, config.withSchema(schema));
    }

    private BatchSpec<T> with(UnaryOperator<RunConfig> change) {
        return new BatchSpec<>(source, schema, change.apply(config));
    }

    // ------------------------------------------------------------------ accessors and withers

    /** Every setting of this spec as one typed value, as the ledger records it with the run. */
    public RunConfig config() {
        return config;
    }

    /** The Gemini model. Default: {@link RunConfig#DEFAULT_MODEL} (the catalogue's default). */
    public String model() {
        return config.model();
    }

    /**
     * A copy with another model, e.g. {@code "gemini-3.5-flash-lite"}, checked against the model
     * catalogue at once: a model it does not know (its price is unknown) is refused here. A model that
     * is shut down is accepted, so that {@link #estimate()} still prices it; {@link #submit()} refuses it.
     *
     * @throws IllegalArgumentException naming the served models when the catalogue has no such model
     */
    public BatchSpec<T> model(String newModel) {
        Checks.notBlank(newModel, "model");
        ModelCatalog.defaults().require(newModel);
        return with(c -> c.withModel(newModel.trim()));
    }

    /** The quota tier. Default: {@link Tier#TIER_1}. */
    public Tier tier() {
        return config.tier();
    }

    /** A copy with another tier. */
    public BatchSpec<T> tier(Tier newTier) {
        Checks.notNull(newTier, "tier");
        return with(c -> c.withTier(newTier));
    }

    /** A copy with another tier: {@code "free"}, {@code "tier1"}, {@code "tier2"} or {@code "tier3"}. */
    public BatchSpec<T> tier(String newTier) {
        return tier(Tier.parse(newTier));
    }

    /** A copy on the free tier. */
    public BatchSpec<T> free() {
        return tier(Tier.FREE);
    }

    /** A copy on tier 1 (a paid project with billing). */
    public BatchSpec<T> tier1() {
        return tier(Tier.TIER_1);
    }

    /** A copy on tier 2. */
    public BatchSpec<T> tier2() {
        return tier(Tier.TIER_2);
    }

    /** A copy on tier 3. */
    public BatchSpec<T> tier3() {
        return tier(Tier.TIER_3);
    }

    /** How articles are sent. Default: {@link RunMode#BATCH}. */
    public RunMode mode() {
        return config.mode();
    }

    /** A copy with another mode. */
    public BatchSpec<T> mode(RunMode newMode) {
        Checks.notNull(newMode, "mode");
        return with(c -> c.withMode(newMode));
    }

    /** A copy that sends batches in waves under the tier's enqueued-token budget. */
    public BatchSpec<T> waves() {
        return mode(RunMode.WAVES);
    }

    /** A copy that admits batches continuously as the tier's budget frees up. */
    public BatchSpec<T> continuous() {
        return mode(RunMode.CONTINUOUS);
    }

    /** A copy that sends one real-time request per article (full price, no waiting for batches). */
    public BatchSpec<T> realtime() {
        return mode(RunMode.REALTIME);
    }

    /**
     * A copy that sends one real-time request per article on the Flex service tier: synchronous,
     * minutes of latency, at the flex price (about half the real-time one), for models that offer it.
     */
    public BatchSpec<T> flex() {
        return mode(RunMode.FLEX);
    }

    /** How much the model may think. Default: {@link Thinking#least()}, the least the model allows. */
    public Thinking thinking() {
        return config.thinking();
    }

    /**
     * A copy with another thinking setting, e.g. {@code Thinking.off()}, {@code Thinking.budget(512)}
     * or {@code Thinking.level(Thinking.Level.LOW)}; checked against the model before anything is sent.
     */
    public BatchSpec<T> thinking(Thinking setting) {
        Checks.notNull(setting, "thinking");
        return with(c -> c.withThinking(setting));
    }

    /** A copy with another thinking setting in the CLI's form: {@code off}, {@code 1024}, {@code low}... */
    public BatchSpec<T> thinking(String setting) {
        return thinking(Thinking.parse(setting));
    }

    /** A copy with the project's own batch enqueued-token limit (as AI Studio shows it). */
    public BatchSpec<T> enqueuedTokens(long tokens) {
        Checks.atLeast(tokens, 1, "enqueuedTokens");
        return with(c -> c.withEnqueuedTokens(tokens));
    }

    /** A copy with the project's own spend limits in USD (per rolling 10 minutes, per month; 0 = the tier's). */
    public BatchSpec<T> spendLimits(double per10MinUsd, double perMonthUsd) {
        return spendPer10MinUsd(per10MinUsd).spendPerMonthUsd(perMonthUsd);
    }

    /** A copy with the project's own spend limit per rolling 10 minutes in USD (0 = the tier's). */
    public BatchSpec<T> spendPer10MinUsd(double usd) {
        return with(c -> c.withSpendPer10MinUsd(usd));
    }

    /** A copy with the project's own monthly spend limit in USD (0 = the tier's). */
    public BatchSpec<T> spendPerMonthUsd(double usd) {
        return with(c -> c.withSpendPerMonthUsd(usd));
    }

    /**
     * A copy whose admission pauses when the actual cost per article runs {@code factor} times over
     * the estimate (checked after the first finished job or the first real-time answers); 0 turns
     * the check off. Default: 1.5.
     */
    public BatchSpec<T> costDriftFactor(double factor) {
        return with(c -> c.withCostDriftFactor(factor));
    }

    /**
     * A copy whose batch jobs run on Vertex AI batch prediction instead of the Gemini Batch API: request files go
     * to Cloud Storage under {@code gcsPrefix}, jobs are created in {@code project} and {@code location}, results
     * are read back from Cloud Storage; credentials are Application Default Credentials. The plan, the ledger and
     * exactly-once submission are the same. Each part is checked here.
     *
     * <pre>{@code
     * Batches.from(Path.of("articles.json")).vertex("my-project", "us-central1", "gs://my-bucket/newsbatch").submit();
     * }</pre>
     */
    public BatchSpec<T> vertex(String project, String location, String gcsPrefix) {
        VertexTarget target = VertexTarget.of(project, location, gcsPrefix);
        return with(c -> c.withVertex(target));
    }

    /**
     * A copy whose batch jobs run on Vertex AI at {@code target}, e.g. with jobs that read and write BigQuery
     * tables:
     *
     * <pre>{@code
     * spec.vertex(VertexTarget.of("my-project", "us-central1", "gs://my-bucket/nb").withBigQuery("bq://my-project.news"));
     * }</pre>
     */
    public BatchSpec<T> vertex(VertexTarget target) {
        Checks.notNull(target, "target");
        return with(c -> c.withVertex(target));
    }

    /** Where batch jobs run on Vertex AI, or null for the Gemini API (or what the environment names). Default: null. */
    public VertexTarget vertex() {
        return config.vertex();
    }

    /** Requests per minute in real-time mode; 0 means the tier's limit. Default: 0. */
    public int rpm() {
        return config.rpm();
    }

    /** A copy with a real-time rate limit. */
    public BatchSpec<T> rpm(int requestsPerMinute) {
        Checks.atLeast(requestsPerMinute, 1, "rpm");
        return with(c -> c.withRpm(requestsPerMinute));
    }

    /** Real-time requests allowed per day (kept in the ledger across restarts); 0 means none. Default: 0. */
    public int dailyCap() {
        return config.dailyCap();
    }

    /** A copy with a daily cap on real-time requests, e.g. 400. */
    public BatchSpec<T> dailyCap(int requestsPerDay) {
        Checks.atLeast(requestsPerDay, 1, "dailyCap");
        return with(c -> c.withDailyCap(requestsPerDay));
    }

    /** Budget cap in USD; no new work is admitted once the estimate reaches it; 0 means none. Default: 0. */
    public double budgetUsd() {
        return config.budgetUsd();
    }

    /** A copy with a budget cap in USD. */
    public BatchSpec<T> budgetUsd(double usd) {
        if (!(usd > 0) || Double.isInfinite(usd)) {
            throw new IllegalArgumentException("budgetUsd must be > 0, was " + usd);
        }
        return with(c -> c.withBudgetUsd(usd));
    }

    /** Maximum requests per batch job. Default: 1,000. */
    public int batchSize() {
        return config.batchSize();
    }

    /** A copy with another batch size. */
    public BatchSpec<T> batchSize(int size) {
        Checks.atLeast(size, 1, "batchSize");
        return with(c -> c.withBatchSize(size));
    }

    /** The prompt template, with {@code {title}} and {@code {contents}} placeholders. */
    public String prompt() {
        return config.prompts().template();
    }

    /** A copy with another prompt template; it must contain {@code {contents}}. */
    public BatchSpec<T> prompt(String template) {
        Prompts next = config.prompts().template(template);
        return with(c -> c.withPrompts(next));
    }

    /** The system instruction. */
    public String systemInstruction() {
        return config.prompts().systemInstruction();
    }

    /** A copy with another system instruction. */
    public BatchSpec<T> systemInstruction(String instruction) {
        Checks.notNull(instruction, "systemInstruction");
        Prompts next = config.prompts().systemInstruction(instruction);
        return with(c -> c.withPrompts(next));
    }

    /** How tokens are estimated before anything is sent. Default: {@link Estimator#calibrated()}. */
    public Estimator estimator() {
        return config.estimator();
    }

    /** A copy with another estimator, e.g. {@code Estimator.fixed(2_800, 150)}. */
    public BatchSpec<T> estimator(Estimator newEstimator) {
        Checks.notNull(newEstimator, "estimator");
        return with(c -> c.withEstimator(newEstimator));
    }

    /**
     * The run's name; submitting two specs with the same name continues one run (nothing is sent
     * twice). Default: a name made from the submission time.
     */
    public String name() {
        return config.name();
    }

    /** A copy with a name: letters, digits, {@code _ . -}, at most 64 characters. */
    public BatchSpec<T> name(String newName) {
        Checks.notBlank(newName, "name");
        if (!NAME.matcher(newName).matches()) {
            throw new IllegalArgumentException("name must be 1-64 letters, digits, '_', '.' or '-' starting "
                    + "with a letter or digit, was \"" + newName + "\"");
        }
        return with(c -> c.withName(newName));
    }

    /**
     * Where request files, results and the ledger are kept. Default: {@link Batches#defaultDirectory()},
     * normally {@code ./batch_jobs}.
     */
    public Path directory() {
        return config.directory();
    }

    /** A copy keeping its state in another directory. */
    public BatchSpec<T> directory(Path dir) {
        Checks.notNull(dir, "directory");
        return with(c -> c.withDirectory(dir));
    }

    /** A copy keeping its state in another directory. */
    public BatchSpec<T> directory(String dir) {
        Checks.notBlank(dir, "directory");
        return directory(Path.of(dir));
    }

    /** How many times an article is sent at most before its error is reported. Default: 3. */
    public int maxAttempts() {
        return config.maxAttempts();
    }

    /** A copy with another attempt limit. */
    public BatchSpec<T> maxAttempts(int attempts) {
        Checks.atLeast(attempts, 1, "maxAttempts");
        return with(c -> c.withMaxAttempts(attempts));
    }

    /** How long {@code await()} works on the run at most. Default: 24 hours. */
    public Duration deadline() {
        return config.deadline();
    }

    /** A copy with another deadline. */
    public BatchSpec<T> deadline(Duration d) {
        return with(c -> c.withDeadline(d));
    }

    /** The first pause between status polls (polling backs off from there). Default: 2 seconds. */
    public Duration pollInterval() {
        return config.pollInterval();
    }

    /** A copy with another first poll interval. */
    public BatchSpec<T> pollInterval(Duration d) {
        return with(c -> c.withPollInterval(d));
    }

    /** The classification schema. */
    public ClassificationSchema<T> schema() {
        return schema;
    }

    /**
     * A copy that classifies into another record type: the response schema is built from the record
     * and the rows are of that type.
     *
     * <pre>{@code
     * record Topic(@Field(values = {"politics", "sports", "business"}) String topic) {}
     * Results<Topic> r = Batches.from(articles).classifyInto(Topic.class).submit().await().collect();
     * }</pre>
     */
    public <R extends Record> BatchSpec<R> classifyInto(Class<R> type) {
        return of(source, ClassificationSchema.of(type), config);
    }

    /**
     * A copy that classifies into {@code schema}, for example one given as JSON: the rows are
     * {@link dev.newsbatch.schema.Answer}s holding each validated answer.
     *
     * <pre>{@code
     * var topics = ClassificationSchema.fromJson(Path.of("samples/topic_schema.json"));
     * Results<Answer> r = Batches.from(articles).classifyInto(topics).submit().await().collect();
     * }</pre>
     */
    public <R extends Record> BatchSpec<R> classifyInto(ClassificationSchema<R> schema) {
        Checks.notNull(schema, "schema");
        return of(source, schema, config);
    }

    // ------------------------------------------------------------------ actions

    /**
     * Estimates tokens, batches, waves, time and cost (batch and real-time) with the spec's estimator,
     * the tier's limits (with {@code <directory>/tiers.json} applied when present) and the model's
     * prices. Calls Gemini only for {@link Estimator#exact()} ({@code countTokens}, free of charge).
     *
     * @throws GeminiException if Gemini refuses a count
     */
    public Estimate estimate() {
        return RunService.get().estimate(this, source);
    }

    /**
     * Like {@link #estimate()} with {@link Estimator#exact()}: each article's input tokens are
     * counted by Gemini's {@code countTokens} (one call per distinct text, rate-limited and cached).
     *
     * @throws GeminiException if Gemini refuses a count
     */
    public Estimate estimateExact() {
        return estimator(Estimator.exact().outputTokens(config.estimator().outputTokens())).estimate();
    }

    /**
     * Records the run, writes its request files and submits what the mode allows now; returns at once
     * with the handle (real-time runs start on {@link BatchRun#await()}).
     *
     * @throws InvalidInputException if the input is invalid (every problem is listed)
     * @throws GeminiException if Gemini refuses the submission
     */
    public BatchRun<T> submit() {
        return new BatchRun<>(this, RunService.get().submit(this, source));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("BatchSpec[");
        s.append("model=").append(config.model()).append(", tier=").append(config.tier())
                .append(", ").append(source.describe()).append(", mode=")
                .append(config.mode().name().toLowerCase(Locale.ROOT));
        if (schema.json().isPresent()) {
            s.append(", schema=JSON").append(schema.columns());
        } else if (!schema.type().equals(NewsClassification.class)) {
            s.append(", schema=").append(schema.type().getSimpleName());
        }
        if (config.name() != null) {
            s.append(", name=").append(config.name());
        }
        if (config.batchSize() != 1000) {
            s.append(", batchSize=").append(config.batchSize());
        }
        if (config.rpm() > 0) {
            s.append(", rpm=").append(config.rpm());
        }
        if (config.dailyCap() > 0) {
            s.append(", dailyCap=").append(config.dailyCap());
        }
        if (config.budgetUsd() > 0) {
            s.append(", budget=").append(Format.usd(config.budgetUsd()));
        }
        if (config.estimator().kind() != Estimator.Kind.CALIBRATED) {
            s.append(", estimator=").append(config.estimator().kind().name().toLowerCase(Locale.ROOT));
        }
        if (!config.directory().equals(Batches.defaultDirectory())) {
            s.append(", dir=").append(config.directory());
        }
        return s.append(']').toString();
    }
}
