package dev.newsbatch.internal.plan;

import dev.newsbatch.internal.Checks;

/**
 * Prices in USD per 1,000,000 tokens for one model and one {@link Mode}: input and output, plus the
 * long-context rates that apply when a request's prompt exceeds the model's threshold (equal to the
 * short rates for models without long-context pricing).
 *
 * <pre>{@code
 * Rates r = Rates.of(0.30, 2.50).input(0.25);   // a copy with another input price
 * }</pre>
 *
 * @param input      USD per 1M prompt tokens
 * @param output     USD per 1M output tokens (thinking tokens included)
 * @param inputLong  USD per 1M prompt tokens for long-context requests
 * @param outputLong USD per 1M output tokens for long-context requests
 */
public record Rates(double input, double output, double inputLong, double outputLong) {

    public Rates {
        Checks.atLeast(input, 0.0, "input");
        Checks.atLeast(output, 0.0, "output");
        Checks.atLeast(inputLong, 0.0, "inputLong");
        Checks.atLeast(outputLong, 0.0, "outputLong");
    }

    /** Rates without a long-context surcharge. */
    public static Rates of(double input, double output) {
        return new Rates(input, output, input, output);
    }

    /** A copy with another input price. */
    public Rates input(double usdPerMillion) {
        return new Rates(usdPerMillion, output, inputLong, outputLong);
    }

    /** A copy with another output price. */
    public Rates output(double usdPerMillion) {
        return new Rates(input, usdPerMillion, inputLong, outputLong);
    }

    /** A copy with another long-context input price. */
    public Rates inputLong(double usdPerMillion) {
        return new Rates(input, output, usdPerMillion, outputLong);
    }

    /** A copy with another long-context output price. */
    public Rates outputLong(double usdPerMillion) {
        return new Rates(input, output, inputLong, usdPerMillion);
    }

    @Override
    public String toString() {
        String s = "$" + input + " in / $" + output + " out";
        return inputLong == input && outputLong == output ? s
                : s + " (long: $" + inputLong + " / $" + outputLong + ")";
    }
}
