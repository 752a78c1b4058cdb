package dev.newsbatch.internal.plan;

import java.util.Locale;

/**
 * A project's spend limits on the Gemini API (published per tier since mid-2026; answered with 429
 * when reached): USD per rolling 10 minutes and per month. 0 means no limit known.
 *
 * <pre>{@code
 * SpendLimits s = TierLimits.preset("tier1").spend();   // $10 per 10 min, $250 per month
 * s.exceedsMonth(312.50);                                // true
 * }</pre>
 *
 * @param per10MinUsd USD per rolling 10 minutes, or 0
 * @param perMonthUsd USD per month, or 0
 */
public record SpendLimits(double per10MinUsd, double perMonthUsd) {
    /** No spend limit known. */
    public static final SpendLimits NONE = new SpendLimits(0, 0);

    public SpendLimits {
        if (!(per10MinUsd >= 0) || !(perMonthUsd >= 0)) {
            throw new IllegalArgumentException("spend limits must be >= 0, were " + per10MinUsd + " and " + perMonthUsd);
        }
    }

    /** A copy where the non-zero limits of {@code mine} replace these. */
    public SpendLimits overriddenBy(double my10Min, double myMonth) {
        return new SpendLimits(my10Min > 0 ? my10Min : per10MinUsd, myMonth > 0 ? myMonth : perMonthUsd);
    }

    /** Whether {@code usd} is more than the monthly limit. */
    public boolean exceedsMonth(double usd) {
        return perMonthUsd > 0 && usd > perMonthUsd + 1e-9;
    }

    @Override
    public String toString() {
        if (per10MinUsd == 0 && perMonthUsd == 0) {
            return "none known";
        }
        return String.format(Locale.ROOT, "%s per 10 min, %s per month", usd(per10MinUsd), usd(perMonthUsd));
    }

    private static String usd(double v) {
        return v == 0 ? "none" : dev.newsbatch.Format.usd(v);
    }
}
