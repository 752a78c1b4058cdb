package dev.newsbatch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The one way newsbatch writes numbers, money, times, durations, plurals and state names, in the
 * command line, the REST API, JShell and notebooks alike.
 *
 * <pre>{@code
 * Format.count(12000);                      // 12,000
 * Format.usd(0.00105);                      // $0.00105
 * Format.usd(1234.5);                       // $1,235
 * Format.usdJson(1.0515000000000001E-4);    // 0.00010515 (a BigDecimal, written plain)
 * Format.time(instant);                     // 2026-12-01 15:04:05 UTC
 * Format.timeJson(instant);                 // 2026-12-01T15:04:05Z
 * Format.duration(Duration.ofSeconds(3725)) // 1h 02m
 * Format.plural(1, "batch");                // 1 batch
 * Format.state("JOB_STATE_SUCCEEDED");      // SUCCEEDED
 * }</pre>
 */
public final class Format {
    private static final DateTimeFormatter TEXT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TEXT_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Decimal places kept in JSON money: far below a cent, above a double's noise. */
    private static final int JSON_MONEY_SCALE = 10;

    private Format() {}

    /** A whole number with grouping: {@code 1,000}, {@code -12,345}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code n} with its noun, plural as needed: {@code 1 batch}, {@code 2 batches}, {@code 1,000 articles}. */
    public static String plural(long n, String singular) {
        return plural(n, singular, pluralOf(singular));
    }

    /** {@code n} with the singular or the given plural: {@code plural(2, "wave", "waves")}. */
    public static String plural(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }

    /** A percentage with one decimal: {@code 42.0%}; NaN is {@code 0.0%}. */
    public static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f%%", Double.isNaN(percent) ? 0.0 : percent);
    }

    /**
     * US dollars for people: three significant digits below a dollar, so that small sums stay
     * visible ({@code $0.0012}, {@code $0.00671}, {@code $0.198}, at least two decimals: {@code $0.50}),
     * cents from $1 ({@code $1.23}), whole dollars with grouping from $100 ({@code $661}, {@code $1,234});
     * {@code $0.00} for zero, {@code unknown} for NaN.
     */
    public static String usd(double usd) {
        if (Double.isNaN(usd) || Double.isInfinite(usd)) {
            return "unknown";
        }
        String sign = usd < 0 ? "-" : "";
        BigDecimal v = BigDecimal.valueOf(Math.abs(usd));
        if (v.signum() == 0) {
            return "$0.00";
        }
        BigDecimal shown;
        if (v.compareTo(BigDecimal.valueOf(100)) >= 0) {
            shown = v.setScale(0, RoundingMode.HALF_UP);
        } else if (v.compareTo(BigDecimal.ONE) >= 0) {
            shown = v.setScale(2, RoundingMode.HALF_UP);
        } else {
            shown = v.round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros();
            if (shown.scale() < 2) {
                shown = shown.setScale(2, RoundingMode.UNNECESSARY);
            }
        }
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMinimumFractionDigits(Math.max(0, shown.scale()));
        f.setMaximumFractionDigits(Math.max(0, shown.scale()));
        return sign + "$" + f.format(shown);
    }

    /**
     * US dollars for JSON: an exact decimal without binary noise (at most {@value #JSON_MONEY_SCALE}
     * places, trailing zeros dropped), e.g. {@code 0.00010515} for {@code 1.0515000000000001E-4};
     * null for NaN. Write it with {@link BigDecimal#toPlainString()} or as a JSON number.
     */
    public static BigDecimal usdJson(double usd) {
        if (Double.isNaN(usd) || Double.isInfinite(usd)) {
            return null;
        }
        BigDecimal v = new BigDecimal(Double.toString(usd)).setScale(JSON_MONEY_SCALE, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0, RoundingMode.UNNECESSARY) : v;
    }

    /** A time for people, to the second, in UTC: {@code 2026-12-01 15:04:05 UTC}; empty for null. */
    public static String time(Instant t) {
        return t == null ? "" : TEXT_TIME.format(t);
    }

    /** A time to the minute, for tables: {@code 2026-12-01 15:04 UTC}; empty for null. */
    public static String minute(Instant t) {
        return t == null ? "" : TEXT_MINUTE.format(t);
    }

    /** A time for JSON, an ISO-8601 instant to the second: {@code 2026-12-01T15:04:05Z}; null for null. */
    public static String timeJson(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A duration: {@code 2d 3h}, {@code 1h 02m}, {@code 3m 20s}, {@code 12.5s}. */
    public static String duration(Duration d) {
        long s = d.toSeconds();
        if (s >= 86_400) {
            return String.format(Locale.ROOT, "%dd %dh", s / 86_400, (s % 86_400) / 3600);
        }
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    /** A state's one spelling: the enum's name. */
    public static String state(Enum<?> state) {
        return state == null ? "" : state.name();
    }

    /**
     * A state's one spelling from a wire name: Google's prefixes dropped, so {@code JOB_STATE_SUCCEEDED}
     * and {@code BATCH_STATE_SUCCEEDED} are both {@code SUCCEEDED}.
     */
    public static String state(String wire) {
        return wire == null ? "" : wire.replace("BATCH_STATE_", "").replace("JOB_STATE_", "");
    }

    static String pluralOf(String singular) {
        String s = singular.toLowerCase(Locale.ROOT);
        if (s.endsWith("s") || s.endsWith("x") || s.endsWith("ch") || s.endsWith("sh")) {
            return singular + "es";
        }
        if (s.length() > 1 && s.endsWith("y") && "aeiou".indexOf(s.charAt(s.length() - 2)) < 0) {
            return singular.substring(0, singular.length() - 1) + "ies";
        }
        return singular + "s";
    }
}
