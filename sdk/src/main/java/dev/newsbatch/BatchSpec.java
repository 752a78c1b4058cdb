package dev.newsbatch;

import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.schema.Prompts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
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
 *         .model("gemini-2.5-flash").tier1().continuous().name("october");
 * spec.estimate();                          // tokens, batches, waves, USD
 * Results<NewsClassification> r = spec.submit().await().collect();
 * }</pre>
 *
 * @param <T> the classification record type
 */
public final class BatchSpec<T extends Record> {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    final ArticleSource source;
    final ClassificationSchema<T> schema;
    final String model;
    final String tier;
    final RunMode mode;
    final int rpm;
    final int dailyCap;
    final double budgetUsd;
    final int batchSize;
    final Prompts prompts;
    final String name;
    final Path directory;
    final int maxAttempts;
    final Duration deadline;
    final Duration pollInterval;

    private BatchSpec(ArticleSource source, ClassificationSchema<T> schema, String model, String tier, RunMode mode,
                      int rpm, int dailyCap, double budgetUsd, int batchSize, Prompts prompts, String name,
                      Path directory, int maxAttempts, Duration deadline, Duration pollInterval) {
        this.source = source;
        this.schema = schema;
        this.model = model;
        this.tier = tier;
        this.mode = mode;
        this.rpm = rpm;
        this.dailyCap = dailyCap;
        this.budgetUsd = budgetUsd;
        this.batchSize = batchSize;
        this.prompts = prompts;
        this.name = name;
        this.directory = directory;
        this.maxAttempts = maxAttempts;
        this.deadline = deadline;
        this.pollInterval = pollInterval;
    }

    static BatchSpec<dev.newsbatch.schema.NewsClassification> of(ArticleSource source) {
        return new BatchSpec<>(source, ClassificationSchema.news(), "gemini-2.5-flash", "tier1", RunMode.BATCH,
                0, 0, 0, 1000, Prompts.ofDefaults(), null, Batches.defaultDirectory(), 3, Duration.ofHours(24),
                Duration.ofSeconds(2));
    }

    // ------------------------------------------------------------------ accessors and withers

    /** The Gemini model. Default: {@code gemini-2.5-flash}. */
    public String model() {
        return model;
    }

    /** A copy with another model, e.g. {@code "gemini-2.5-flash-lite"}. */
    public BatchSpec<T> model(String newModel) {
        Checks.notBlank(newModel, "model");
        return new BatchSpec<>(source, schema, newModel.trim(), tier, mode, rpm, dailyCap, budgetUsd, batchSize,
                prompts, name, directory, maxAttempts, deadline, pollInterval);
    }

    /** The quota tier: {@code free}, {@code tier1}, {@code tier2} or {@code tier3}. Default: tier1. */
    public String tier() {
        return tier;
    }

    /** A copy with another tier: {@code "free"}, {@code "tier1"}, {@code "tier2"} or {@code "tier3"}. */
    public BatchSpec<T> tier(String newTier) {
        Checks.notBlank(newTier, "tier");
        String t = newTier.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
        if (!t.matches("free|tier[123]")) {
            throw new IllegalArgumentException("tier must be one of free, tier1, tier2, tier3, was \"" + newTier + "\"");
        }
        return new BatchSpec<>(source, schema, model, t, mode, rpm, dailyCap, budgetUsd, batchSize, prompts, name,
                directory, maxAttempts, deadline, pollInterval);
    }

    /** A copy on the free tier. */
    public BatchSpec<T> free() {
        return tier("free");
    }

    /** A copy on tier 1 (a paid project with billing). */
    public BatchSpec<T> tier1() {
        return tier("tier1");
    }

    /** A copy on tier 2. */
    public BatchSpec<T> tier2() {
        return tier("tier2");
    }

    /** A copy on tier 3. */
    public BatchSpec<T> tier3() {
        return tier("tier3");
    }

    /** How articles are sent. Default: {@link RunMode#BATCH}. */
    public RunMode mode() {
        return mode;
    }

    /** A copy with another mode. */
    public BatchSpec<T> mode(RunMode newMode) {
        Checks.notNull(newMode, "mode");
        return new BatchSpec<>(source, schema, model, tier, newMode, rpm, dailyCap, budgetUsd, batchSize, prompts,
                name, directory, maxAttempts, deadline, pollInterval);
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

    /** Requests per minute in real-time mode; 0 means the tier's limit. Default: 0. */
    public int rpm() {
        return rpm;
    }

    /** A copy with a real-time rate limit. */
    public BatchSpec<T> rpm(int requestsPerMinute) {
        Checks.atLeast(requestsPerMinute, 1, "rpm");
        return new BatchSpec<>(source, schema, model, tier, mode, requestsPerMinute, dailyCap, budgetUsd, batchSize,
                prompts, name, directory, maxAttempts, deadline, pollInterval);
    }

    /** Real-time requests allowed per day (kept in the ledger across restarts); 0 means none. Default: 0. */
    public int dailyCap() {
        return dailyCap;
    }

    /** A copy with a daily cap on real-time requests, e.g. 400. */
    public BatchSpec<T> dailyCap(int requestsPerDay) {
        Checks.atLeast(requestsPerDay, 1, "dailyCap");
        return new BatchSpec<>(source, schema, model, tier, mode, rpm, requestsPerDay, budgetUsd, batchSize, prompts,
                name, directory, maxAttempts, deadline, pollInterval);
    }

    /** Budget cap in USD; no new work is admitted once the estimate reaches it; 0 means none. Default: 0. */
    public double budgetUsd() {
        return budgetUsd;
    }

    /** A copy with a budget cap in USD. */
    public BatchSpec<T> budgetUsd(double usd) {
        if (!(usd > 0) || Double.isInfinite(usd)) {
            throw new IllegalArgumentException("budgetUsd must be > 0, was " + usd);
        }
        return new BatchSpec<>(source, schema, model, tier, mode, rpm, dailyCap, usd, batchSize, prompts, name,
                directory, maxAttempts, deadline, pollInterval);
    }

    /** Maximum requests per batch job. Default: 1,000. */
    public int batchSize() {
        return batchSize;
    }

    /** A copy with another batch size. */
    public BatchSpec<T> batchSize(int size) {
        Checks.atLeast(size, 1, "batchSize");
        return new BatchSpec<>(source, schema, model, tier, mode, rpm, dailyCap, budgetUsd, size, prompts, name,
                directory, maxAttempts, deadline, pollInterval);
    }

    /** The prompt template, with {@code {title}} and {@code {contents}} placeholders. */
    public String prompt() {
        return prompts.template();
    }

    /** A copy with another prompt template; it must contain {@code {contents}}. */
    public BatchSpec<T> prompt(String template) {
        return new BatchSpec<>(source, schema, model, tier, mode, rpm, dailyCap, budgetUsd, batchSize,
                prompts.template(template), name, directory, maxAttempts, deadline, pollInterval);
    }

    /** The system instruction. */
    public String systemInstruction() {
        return prompts.systemInstruction();
    }

    /** A copy with another system instruction. */
    public BatchSpec<T> systemInstruction(String instruction) {
        Checks.notNull(instruction, "systemInstruction");
        return new BatchSpec<>(source, schema, model, tier, mode, rpm, dailyCap, budgetUsd, batchSize,
                prompts.systemInstruction(instruction), name, directory, maxAttempts, deadline, pollInterval);
    }

    /**
     * The run's name; submitting two specs with the same name continues one run (nothing is sent
     * twice). Default: a name made from the submission time.
     */
    public String name() {
        return name;
    }

    /** A copy with a name: letters, digits, {@code _ . -}, at most 64 characters. */
    public BatchSpec<T> name(String newName) {
        Checks.notBlank(newName, "name");
        if (!NAME.matcher(newName).matches()) {
            throw new IllegalArgumentException("name must be 1-64 letters, digits, '_', '.' or '-' starting "
                    + "with a letter or digit, was \"" + newName + "\"");
        }
        return new BatchSpec<>(source, schema, model, tier, mode, rpm, dailyCap, budgetUsd, batchSize, prompts,
                newName, directory, maxAttempts, deadline, pollInterval);
    }

    /**
     * Where request files, results and the ledger are kept. Default: {@link Batches#defaultDirectory()},
     * normally {@code ./batch_jobs}.
     */
    public Path directory() {
        return directory;
    }

    /** A copy keeping its state in another directory. */
    public BatchSpec<T> directory(Path dir) {
        Checks.notNull(dir, "directory");
        return new BatchSpec<>(source, schema, model, tier, mode, rpm, dailyCap, budgetUsd, batchSize, prompts, name,
                dir, maxAttempts, deadline, pollInterval);
    }

    /** A copy keeping its state in another directory. */
    public BatchSpec<T> directory(String dir) {
        Checks.notBlank(dir, "directory");
        return directory(Path.of(dir));
    }

    /** How many times an article is sent at most before its error is reported. Default: 3. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** A copy with another attempt limit. */
    public BatchSpec<T> maxAttempts(int attempts) {
        Checks.atLeast(attempts, 1, "maxAttempts");
        return new BatchSpec<>(source, schema, model, tier, mode, rpm, dailyCap, budgetUsd, batchSize, prompts, name,
                directory, attempts, deadline, pollInterval);
    }

    /** How long {@code await()} works on the run at most. Default: 24 hours. */
    public Duration deadline() {
        return deadline;
    }

    /** A copy with another deadline. */
    public BatchSpec<T> deadline(Duration d) {
        Checks.notNull(d, "deadline");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("deadline must be > 0, was " + d);
        }
        return new BatchSpec<>(source, schema, model, tier, mode, rpm, dailyCap, budgetUsd, batchSize, prompts, name,
                directory, maxAttempts, d, pollInterval);
    }

    /** The first pause between status polls (polling backs off from there). Default: 2 seconds. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** A copy with another first poll interval. */
    public BatchSpec<T> pollInterval(Duration d) {
        Checks.notNull(d, "pollInterval");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("pollInterval must be > 0, was " + d);
        }
        return new BatchSpec<>(source, schema, model, tier, mode, rpm, dailyCap, budgetUsd, batchSize, prompts, name,
                directory, maxAttempts, deadline, d);
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
        return new BatchSpec<>(source, ClassificationSchema.of(type), model, tier, mode, rpm, dailyCap, budgetUsd,
                batchSize, prompts, name, directory, maxAttempts, deadline, pollInterval);
    }

    // ------------------------------------------------------------------ actions

    /**
     * Estimates tokens, batches, waves, time and cost (batch and real-time) without calling Gemini.
     */
    public Estimate estimate() {
        return Runs.estimate(this);
    }

    /**
     * Like {@link #estimate()}, but counts each article's input tokens exactly with Gemini's
     * {@code countTokens} (one call per distinct text, rate-limited and cached). Slower; free of charge.
     *
     * @throws dev.newsbatch.gemini.GeminiException if Gemini refuses a count
     */
    public Estimate estimateExact() {
        return Planning.estimateExact(this);
    }

    /**
     * Records the run, writes its request files and submits what the mode allows now; returns at once
     * with the handle (real-time runs start on {@link BatchRun#await()}).
     *
     * @throws IllegalArgumentException if the input is invalid (every problem is listed)
     * @throws dev.newsbatch.gemini.GeminiException if Gemini refuses the submission
     */
    public BatchRun<T> submit() {
        return Runs.submit(this);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("BatchSpec[");
        s.append("model=").append(model).append(", tier=").append(tier.toUpperCase(Locale.ROOT).replace("TIER", "TIER_"))
                .append(", ").append(source.describe()).append(", mode=").append(mode.name().toLowerCase(Locale.ROOT));
        if (!schema.type().equals(dev.newsbatch.schema.NewsClassification.class)) {
            s.append(", schema=").append(schema.type().getSimpleName());
        }
        if (name != null) {
            s.append(", name=").append(name);
        }
        if (batchSize != 1000) {
            s.append(", batchSize=").append(batchSize);
        }
        if (rpm > 0) {
            s.append(", rpm=").append(rpm);
        }
        if (dailyCap > 0) {
            s.append(", dailyCap=").append(dailyCap);
        }
        if (budgetUsd > 0) {
            s.append(String.format(", budget=$%.2f", budgetUsd));
        }
        if (!directory.equals(Path.of("batch_jobs"))) {
            s.append(", dir=").append(directory);
        }
        return s.append(']').toString();
    }
}
