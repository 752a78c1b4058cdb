package dev.newsbatch.internal;

/**
 * Argument checks with messages of the shape {@code <field> <rule>, was <value>}.
 *
 * <pre>{@code
 * Checks.atLeast(batchSize, 1, "batchSize");   // "batchSize must be >= 1, was 0"
 * }</pre>
 */
public final class Checks {
    private Checks() {}

    /** Rejects null, empty or blank strings. */
    public static String notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank, was "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
        return value;
    }

    /** Rejects null. */
    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    /** Rejects values below {@code min}. */
    public static long atLeast(long value, long min, String field) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    /** Rejects values below {@code min}. */
    public static double atLeast(double value, double min, String field) {
        if (!(value >= min)) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    /** Shortens {@code s} to at most {@code max} characters, ending with an ellipsis when cut. */
    public static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
    }
}
