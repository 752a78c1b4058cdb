package dev.newsbatch.internal.engine;

import dev.newsbatch.Article;
import dev.newsbatch.RunConfig;
import dev.newsbatch.internal.plan.JobSizing;
import dev.newsbatch.internal.plan.RequestTemplate;
import dev.newsbatch.internal.Checks;
import java.util.function.LongToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * What the engine needs to know about a run: its id, its recorded settings, the request template
 * and how each article's request is estimated. Passed to every engine call that needs the model or
 * the schema, so nothing has to be registered first.
 *
 * <pre>{@code
 * RunSettings s = RunSettings.of("run-1", config, template, estimator, in -> 0.0);   // 2 GB file cap
 * }</pre>
 *
 * @param runId        the run's id (stable across restarts)
 * @param config       the run's settings, as the ledger records them
 * @param template     model, prompts and schema
 * @param maxFileBytes maximum bytes per request file. Default: 2 GB less 1 MB of margin
 * @param maxJobTokens maximum estimated input tokens per job (see {@link JobSizing}). Default: no cap
 * @param estimator    estimated input tokens of one article's request
 * @param requestUsd   the estimated Batch API cost of one request of so many input tokens (with the
 *                     estimator's answer), for the budget cap
 * @param usageUsd     what a request cost by its usage (prompt and output tokens), for the drift check
 */
public record RunSettings(String runId, RunConfig config, RequestTemplate template, long maxFileBytes,
                          long maxJobTokens, ToLongFunction<Article> estimator, LongToDoubleFunction requestUsd, UsagePrice usageUsd) {
    /** The cost of one request from its usage. */
    @FunctionalInterface
    public interface UsagePrice {
        /** USD of a request with these prompt and output tokens. */
        double usd(long inputTokens, long outputTokens);
    }

    /** Google's limit for one batch input file. */
    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024 * 1024 - 1024 * 1024;

    public RunSettings {
        Checks.notBlank(runId, "runId");
        Checks.notNull(config, "config");
        Checks.notNull(template, "template");
        Checks.atLeast(maxFileBytes, 1024, "maxFileBytes");
        Checks.atLeast(maxJobTokens, 1, "maxJobTokens");
        Checks.notNull(estimator, "estimator");
        Checks.notNull(requestUsd, "requestUsd");
        Checks.notNull(usageUsd, "usageUsd");
    }

    /** Settings with the 2 GB file cap and the given per-request cost estimate. */
    public static RunSettings of(String runId, RunConfig config, RequestTemplate template,
                                 ToLongFunction<Article> estimator, LongToDoubleFunction requestUsd) {
        return new RunSettings(runId, config, template, MAX_FILE_BYTES, Long.MAX_VALUE, estimator, requestUsd,
                (in, out) -> 0);
    }

    /** A copy pricing usage with {@code price} (for the drift check). */
    public RunSettings usageUsd(UsagePrice price) {
        return new RunSettings(runId, config, template, maxFileBytes, maxJobTokens, estimator, requestUsd, price);
    }

    /** The run's name. */
    public String name() {
        return config.name() == null ? runId : config.name();
    }

    /** Maximum requests per request file. */
    public int batchSize() {
        return config.batchSize();
    }

    /** Largest accepted request in input tokens: the config's limit, at most the model's own (from the catalogue). */
    public long maxInputTokens() {
        return maxInputTokens(config);
    }

    /** The largest request {@code config} sends: its limit, at most the model's input limit. */
    public static long maxInputTokens(RunConfig config) {
        return dev.newsbatch.internal.ModelCatalog.defaults().model(config.model())
                .map(m -> Math.min(m.inputTokenLimit(), config.maxInputTokens())).orElse(config.maxInputTokens());
    }

    /** A copy with another per-file byte cap. */
    public RunSettings maxFileBytes(long bytes) {
        return new RunSettings(runId, config, template, bytes, maxJobTokens, estimator, requestUsd, usageUsd);
    }

    /** A copy sizing jobs by {@code sizing}'s file and token caps (its item cap is the config's batch size). */
    public RunSettings sizing(JobSizing sizing) {
        return new RunSettings(runId, config, template, sizing.maxBytes(), sizing.maxTokens(), estimator, requestUsd,
                usageUsd);
    }

    /** The one job-sizing rule with this run's caps. */
    public JobSizing sizing() {
        return new JobSizing(config.batchSize(), maxFileBytes, maxJobTokens);
    }

    /** A copy with other settings. */
    public RunSettings config(RunConfig newConfig) {
        return new RunSettings(runId, newConfig, template, maxFileBytes, maxJobTokens, estimator, requestUsd, usageUsd);
    }

    @Override
    public String toString() {
        return "RunSettings[" + runId + ", " + config.mode() + ", " + template.model()
                + ", batchSize=" + config.batchSize() + "]";
    }
}
