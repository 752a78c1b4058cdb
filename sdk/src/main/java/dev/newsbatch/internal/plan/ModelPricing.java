package dev.newsbatch.internal.plan;

import dev.newsbatch.internal.Checks;

/**
 * The prices of one model: standard (real-time) and batch {@link Rates}, and the prompt size above
 * which the long-context rates apply.
 *
 * <pre>{@code
 * ModelPricing p = Pricing.defaults().model("gemini-2.5-flash");
 * double usd = p.cost(Mode.REALTIME, 2_800, 150);        // one request
 * ModelPricing cheaper = p.batch(p.batch().input(0.10));  // an override
 * }</pre>
 *
 * @param model                   the model name, e.g. {@code gemini-2.5-flash}
 * @param standard                real-time ({@code generateContent}) rates
 * @param batch                   Batch API rates
 * @param flex                    Flex service-tier rates, or null when the model has no Flex tier
 * @param longContextThreshold    prompts of more tokens than this are billed at the long rates;
 *                                {@link Long#MAX_VALUE} when the model has no long-context pricing
 */
public record ModelPricing(String model, Rates standard, Rates batch, Rates flex, long longContextThreshold) {

    public ModelPricing {
        Checks.notBlank(model, "model");
        Checks.notNull(standard, "standard");
        Checks.notNull(batch, "batch");
        Checks.atLeast(longContextThreshold, 1, "longContextThreshold");
    }

    /**
     * The rates for {@code mode}.
     *
     * @throws IllegalArgumentException for {@link Mode#FLEX} on a model without a Flex tier
     */
    public Rates rates(Mode mode) {
        return switch (mode) {
            case BATCH -> batch;
            case REALTIME -> standard;
            case FLEX -> {
                if (flex == null) {
                    throw new IllegalArgumentException("model " + model + " has no Flex tier; "
                            + "use real-time or batch mode");
                }
                yield flex;
            }
        };
    }

    /** True when a request with this many prompt tokens is billed at the long-context rates. */
    public boolean isLongContext(long promptTokens) {
        return promptTokens > longContextThreshold;
    }

    /** The cost in USD of one request with the given token counts. */
    public double cost(Mode mode, long promptTokens, long outputTokens) {
        Rates r = rates(mode);
        boolean longContext = isLongContext(promptTokens);
        return (promptTokens * (longContext ? r.inputLong() : r.input())
                + outputTokens * (longContext ? r.outputLong() : r.output())) / 1_000_000.0;
    }

    /**
     * The cost in USD of many requests from their token totals, split by whether each request was
     * long-context or not (see {@link TokenTotals}).
     */
    public double cost(Mode mode, TokenTotals totals) {
        Rates r = rates(mode);
        return (totals.shortInput() * r.input() + totals.shortOutput() * r.output()
                + totals.longInput() * r.inputLong() + totals.longOutput() * r.outputLong())
                / 1_000_000.0;
    }

    /** A copy with other standard rates. */
    public ModelPricing standard(Rates rates) {
        return new ModelPricing(model, rates, batch, flex, longContextThreshold);
    }

    /** A copy with other batch rates. */
    public ModelPricing batch(Rates rates) {
        return new ModelPricing(model, standard, rates, flex, longContextThreshold);
    }

    /** A copy with other Flex rates (null: no Flex tier). */
    public ModelPricing flex(Rates rates) {
        return new ModelPricing(model, standard, batch, rates, longContextThreshold);
    }

    /** A copy with another long-context threshold. */
    public ModelPricing longContextThreshold(long promptTokens) {
        return new ModelPricing(model, standard, batch, flex, promptTokens);
    }

    @Override
    public String toString() {
        return "ModelPricing[" + model + ": standard " + standard + ", batch " + batch
                + (flex == null ? "" : ", flex " + flex)
                + (longContextThreshold == Long.MAX_VALUE ? "" : ", long > " + longContextThreshold)
                + "]";
    }
}
