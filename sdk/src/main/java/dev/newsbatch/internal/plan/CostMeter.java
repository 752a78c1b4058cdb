package dev.newsbatch.internal.plan;

import dev.newsbatch.internal.Checks;

import java.util.Locale;

/**
 * The actual cost of a run, from each response's {@code usageMetadata} (prompt tokens, and output
 * tokens = candidates + thoughts). Each request is priced on its own, so long-context requests get
 * the long rates. Thread-safe: results may be added from several threads.
 *
 * <pre>{@code
 * CostMeter meter = new CostMeter(Pricing.defaults().model("gemini-2.5-flash"), Mode.BATCH);
 * meter.add(usage.promptTokenCount(), usage.candidatesTokenCount() + usage.thoughtsTokenCount());
 * meter.costUsd();
 * }</pre>
 */
public final class CostMeter {
    private final ModelPricing pricing;
    private final Mode mode;
    private TokenTotals totals = TokenTotals.ZERO;
    private long requests;

    public CostMeter(ModelPricing pricing, Mode mode) {
        this.pricing = Checks.notNull(pricing, "pricing");
        this.mode = Checks.notNull(mode, "mode");
    }

    /** The prices requests are charged at. */
    public ModelPricing pricing() {
        return pricing;
    }

    /** Batch or real-time rates. */
    public Mode mode() {
        return mode;
    }

    /** Adds one request's usage. */
    public synchronized void add(long promptTokens, long outputTokens) {
        Checks.atLeast(promptTokens, 0, "promptTokens");
        Checks.atLeast(outputTokens, 0, "outputTokens");
        totals = totals.add(promptTokens, outputTokens, pricing.isLongContext(promptTokens));
        requests++;
    }

    /** The token totals so far. */
    public synchronized TokenTotals totals() {
        return totals;
    }

    /** Requests added so far. */
    public synchronized long requests() {
        return requests;
    }

    /** USD so far. */
    public synchronized double costUsd() {
        return pricing.cost(mode, totals);
    }

    @Override
    public synchronized String toString() {
        return String.format(Locale.ROOT, "CostMeter[%s %s, %,d requests, %,d in + %,d out, $%.4f]",
                pricing.model(), mode, requests, totals.input(), totals.output(), pricing.cost(mode, totals));
    }
}
