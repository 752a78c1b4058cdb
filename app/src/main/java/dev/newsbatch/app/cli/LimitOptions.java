package dev.newsbatch.app.cli;

import dev.newsbatch.BatchSpec;
import dev.newsbatch.Thinking;
import picocli.CommandLine.Option;

/**
 * Thinking and the project's own limits: rates, the enqueued-token quota, spend limits and the
 * cost-drift guard. Every value is checked here, so a bad one names its flag and nothing is sent.
 *
 * <pre>{@code
 * @Mixin LimitOptions limits;   // --thinking low --rpm 300 --rpd 10000 --spend-per-month 50 ...
 * spec = limits.apply(spec);
 * }</pre>
 */
final class LimitOptions {
    @Option(names = "--thinking", paramLabel = "HOW",
            description = "How much the model may think: least (default: the least the model allows), default, "
                    + "off, dynamic, a budget in tokens (e.g. 1024), or a level: minimal, low, medium, high.")
    String thinking;

    @Option(names = "--enqueued-tokens", paramLabel = "N",
            description = "The project's batch enqueued-token limit (default: the tier's published one).")
    Long enqueuedTokens;

    @Option(names = "--rpm", paramLabel = "N",
            description = "Real-time requests per minute (default: the tier's limit).")
    Integer rpm;

    @Option(names = {"--rpd", "--per-day"}, paramLabel = "N",
            description = "Most real-time requests per day, kept across restarts (default: no cap).")
    Integer rpd;

    @Option(names = "--spend-per-10min", paramLabel = "USD",
            description = "The project's spend limit per rolling 10 minutes in USD (default: the tier's).")
    Double spendPer10Min;

    @Option(names = "--spend-per-month", paramLabel = "USD",
            description = "The project's monthly spend limit in USD (default: the tier's).")
    Double spendPerMonth;

    @Option(names = "--cost-drift", paramLabel = "FACTOR",
            description = "Pause admission when the actual cost per article runs FACTOR times over the estimate; "
                    + "0 turns the check off (default: 1.5).")
    Double costDrift;

    /** {@code spec} with the options given applied; the others keep the spec's values. */
    <T extends Record> BatchSpec<T> apply(BatchSpec<T> spec) {
        BatchSpec<T> s = spec;
        if (thinking != null) {
            s = s.thinking(thinking());
        }
        if (enqueuedTokens != null) {
            s = s.enqueuedTokens(atLeastOne(enqueuedTokens, "--enqueued-tokens", "a number of tokens"));
        }
        if (rpm != null) {
            s = s.rpm((int) atLeastOne(rpm, "--rpm", "requests per minute"));
        }
        if (rpd != null) {
            s = s.dailyCap((int) atLeastOne(rpd, "--rpd", "requests per day"));
        }
        if (spendPer10Min != null) {
            s = s.spendPer10MinUsd(usd(spendPer10Min, "--spend-per-10min"));
        }
        if (spendPerMonth != null) {
            s = s.spendPerMonthUsd(usd(spendPerMonth, "--spend-per-month"));
        }
        if (costDrift != null) {
            double f = costDrift;
            if (!Double.isFinite(f) || f < 0 || (f > 0 && f < 1)) {
                throw new IllegalArgumentException("--cost-drift must be 0 (off) or a factor >= 1, e.g. 1.5, was "
                        + costDrift);
            }
            s = s.costDriftFactor(f);
        }
        return s;
    }

    private Thinking thinking() {
        try {
            return Thinking.parse(thinking);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--thinking: " + e.getMessage(), e);
        }
    }

    private static long atLeastOne(long value, String flag, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1 (" + what + "), was " + value);
        }
        return value;
    }

    private static double usd(double value, String flag) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(flag + " must be an amount in USD above 0, e.g. 50, was " + value);
        }
        return value;
    }
}
