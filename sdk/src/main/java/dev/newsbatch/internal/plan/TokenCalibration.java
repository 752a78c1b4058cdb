package dev.newsbatch.internal.plan;

import java.util.List;
import java.util.Locale;

/**
 * How the token estimate compares with what Gemini counted, learnt from finished jobs: the admission policy
 * scales every job's estimate by {@link #factor()} and fills {@link #share()} of the enqueued-token limit.
 *
 * <p>Before any job has reported usage, the factor is 1 and the share is the seed's
 * {@link AdmissionPolicy#SEED_SHARE}. After, the factor is the largest ratio of counted to estimated input
 * tokens among the finished jobs (so every job seen so far would have fit), and the share leaves a margin of
 * the spread between those ratios plus {@link #MIN_MARGIN} for jobs not seen yet (at most down to
 * {@link #MIN_SHARE}): the margin is measured, not fixed. A job that still overshoots is refused by Gemini with 429 and
 * sent later; nothing is lost.
 *
 * @param factor counted / estimated input tokens to assume for jobs in flight or waiting
 * @param share  the share of the enqueued-token limit to fill
 * @param jobs   finished jobs the calibration learnt from
 */
public record TokenCalibration(double factor, double share, int jobs) {
    /** The margin kept even when every finished job matched its estimate. */
    public static final double MIN_MARGIN = 0.02;
    /** The smallest share filled, however much the finished jobs' ratios spread. */
    public static final double MIN_SHARE = 0.75;

    /** No finished job yet: the estimate as it is, the seed share. */
    public static final TokenCalibration SEED = new TokenCalibration(1.0, AdmissionPolicy.SEED_SHARE, 0);

    /** The calibration learnt from the finished jobs among {@code jobs} (those with reported usage). */
    public static TokenCalibration of(List<JobLoad> jobs) {
        double max = 0;
        double min = Double.MAX_VALUE;
        int n = 0;
        for (JobLoad j : jobs) {
            if (j.phase() == JobLoad.Phase.DONE && j.reportedTokens() > 0 && j.reportedEstimate() > 0) {
                double ratio = (double) j.reportedTokens() / j.reportedEstimate();
                max = Math.max(max, ratio);
                min = Math.min(min, ratio);
                n++;
            }
        }
        if (n == 0) {
            return SEED;
        }
        double margin = MIN_MARGIN + (max - min) / max;
        return new TokenCalibration(max, Math.max(MIN_SHARE, 1 - margin), n);
    }

    /** A job's tokens as the calibration expects Gemini to count them. */
    public long scale(long estimatedTokens) {
        return factor == 1.0 ? estimatedTokens : (long) Math.ceil(estimatedTokens * factor);
    }

    @Override
    public String toString() {
        return jobs == 0 ? String.format(Locale.ROOT, "TokenCalibration[seed: ×1, %.0f%% of the limit]", share * 100)
                : String.format(Locale.ROOT, "TokenCalibration[×%.3f, %.1f%% of the limit, from %d jobs]", factor,
                        share * 100, jobs);
    }
}
