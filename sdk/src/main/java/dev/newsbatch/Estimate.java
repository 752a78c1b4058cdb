package dev.newsbatch;

import java.time.Duration;
import java.util.List;

/**
 * What a run will cost and how it will be cut, before anything is sent: tokens, batches, waves,
 * USD in batch mode and in real-time mode, and time estimates.
 *
 * <pre>{@code
 * Estimate e = Batches.from(Path.of("batch_contents.json")).tier1().estimate();
 * System.out.println(e.report());
 * e.batchUsd();       // e.g. 7.29
 * }</pre>
 *
 * @param articles        articles planned
 * @param model           the model
 * @param tier            the quota tier
 * @param mode            the spec's mode
 * @param estimator       which token estimator was used
 * @param inputTokens     estimated input tokens in all
 * @param outputTokens    estimated output tokens in all, thinking included
 * @param thinkingTokens  of which assumed thinking tokens (the model's figure for the run's setting)
 * @param thinking        the thinking setting as sent, e.g. {@code level minimal}
 * @param batches         batch jobs (request files)
 * @param waves           waves under the tier's enqueued-token budget
 * @param maxPerWave      most articles in one wave
 * @param batchUsd        cost with the Batch API
 * @param realtimeUsd     cost with real-time calls
 * @param flexUsd         cost with real-time calls on the Flex tier; NaN when the model has none
 * @param batchTime       lower bound of batch processing time, if the speed is known
 * @param realtimeTime    time at the tier's requests-per-minute limit
 * @param warnings        anything the plan found doubtful
 * @param report          the multi-line report the CLI prints
 */
public record Estimate(long articles, String model, String tier, RunMode mode, String estimator, long inputTokens,
                       long outputTokens, long thinkingTokens, String thinking, int batches, int waves,
                       long maxPerWave, double batchUsd, double realtimeUsd, double flexUsd, Duration batchTime,
                       Duration realtimeTime, List<String> warnings, String report) {
    public Estimate {
        warnings = List.copyOf(warnings);
    }

    /** The cost in the spec's mode. */
    public double costUsd() {
        return mode.isBatch() ? batchUsd : mode == RunMode.FLEX ? flexUsd : realtimeUsd;
    }

    /** What the Batch API saves over real-time calls. */
    public double savingsUsd() {
        return realtimeUsd - batchUsd;
    }

    /**
     * One line: articles, model, mode, tokens, batches and waves (batch modes), and the costs, e.g.
     * {@code Estimate: 12,000 articles, gemini-2.5-flash, waves, 6,065,924 in + 1,800,000 out tokens,
     * 14 batches in 3 waves, $3.16 (batch $3.16, real-time $6.32)}.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Estimate: " + Format.plural(articles, "article") + ", " + model + ", "
                + mode.name().toLowerCase(java.util.Locale.ROOT) + ", " + Format.count(inputTokens) + " in + "
                + Format.count(outputTokens) + " out tokens");
        if (thinkingTokens > 0) {
            s.append(" (").append(Format.count(thinkingTokens)).append(" thinking)");
        }
        if (mode.isBatch()) {
            s.append(", ").append(Format.plural(batches, "batch")).append(" in ").append(Format.plural(waves, "wave"));
        }
        s.append(", ").append(Format.usd(costUsd())).append(" (batch ").append(Format.usd(batchUsd))
                .append(", real-time ").append(Format.usd(realtimeUsd));
        if (!Double.isNaN(flexUsd)) {
            s.append(", flex ").append(Format.usd(flexUsd));
        }
        return s.append(")").toString();
    }
}
