package dev.newsbatch.engine;

import dev.newsbatch.Article;
import dev.newsbatch.Checks;
import java.util.function.ToLongFunction;

/**
 * What the engine needs to know about a run: its id and name, the request template and how to cut
 * the work into request files.
 *
 * <pre>{@code
 * RunSettings s = RunSettings.of("run-1", "demo", template);   // 1,000 items per file, 2 GB cap
 * }</pre>
 *
 * @param runId          the run's id (stable across restarts)
 * @param name           the user's name for the run
 * @param mode           "batch", "waves", "continuous" or "realtime"
 * @param template       model, prompts and schema
 * @param batchSize      maximum requests per file. Default: 1,000
 * @param maxFileBytes   maximum bytes per request file. Default: 2 GB less 1 MB of margin
 * @param maxInputTokens largest accepted request in input tokens. Default: 1,048,576 (Gemini 2.5)
 * @param estimator      estimated input tokens of one article's request
 * @param extras         further settings of the caller, recorded with the run so that it can be resumed
 *                       with them (string keys and values)
 */
public record RunSettings(String runId, String name, String mode, RequestTemplate template, int batchSize,
                          long maxFileBytes, long maxInputTokens, ToLongFunction<Article> estimator,
                          java.util.Map<String, String> extras) {
    /** Google's limit for one batch input file. */
    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024 * 1024 - 1024 * 1024;

    public RunSettings {
        Checks.notBlank(runId, "runId");
        Checks.notBlank(name, "name");
        Checks.notBlank(mode, "mode");
        Checks.notNull(template, "template");
        Checks.atLeast(batchSize, 1, "batchSize");
        Checks.atLeast(maxFileBytes, 1024, "maxFileBytes");
        Checks.atLeast(maxInputTokens, 1, "maxInputTokens");
        Checks.notNull(estimator, "estimator");
        extras = extras == null ? java.util.Map.of() : java.util.Map.copyOf(extras);
    }

    /** Settings with the defaults and a chars/4 estimate. */
    public static RunSettings of(String runId, String name, RequestTemplate template) {
        int overhead = template.overheadChars();
        return new RunSettings(runId, name, "batch", template, 1000, MAX_FILE_BYTES, 1_048_576,
                a -> (overhead + a.title().length() + a.contents().length() + 3) / 4, java.util.Map.of());
    }

    /** A copy with another batch size. */
    public RunSettings batchSize(int size) {
        return new RunSettings(runId, name, mode, template, size, maxFileBytes, maxInputTokens, estimator, extras);
    }

    /** A copy with another per-file byte cap. */
    public RunSettings maxFileBytes(long bytes) {
        return new RunSettings(runId, name, mode, template, batchSize, bytes, maxInputTokens, estimator, extras);
    }

    /** A copy with another input-token limit. */
    public RunSettings maxInputTokens(long tokens) {
        return new RunSettings(runId, name, mode, template, batchSize, maxFileBytes, tokens, estimator, extras);
    }

    /** A copy with another mode. */
    public RunSettings mode(String newMode) {
        return new RunSettings(runId, name, newMode, template, batchSize, maxFileBytes, maxInputTokens, estimator, extras);
    }

    /** A copy with another token estimator. */
    public RunSettings estimator(ToLongFunction<Article> newEstimator) {
        return new RunSettings(runId, name, mode, template, batchSize, maxFileBytes, maxInputTokens, newEstimator, extras);
    }

    /** A copy with further settings to record with the run. */
    public RunSettings extras(java.util.Map<String, String> values) {
        return new RunSettings(runId, name, mode, template, batchSize, maxFileBytes, maxInputTokens, estimator, values);
    }

    @Override
    public String toString() {
        return "RunSettings[" + runId + ", " + name + ", " + mode + ", " + template.model()
                + ", batchSize=" + batchSize + "]";
    }
}
