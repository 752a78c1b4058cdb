package dev.newsbatch.emulator;

import java.util.Objects;

/** Argument checks with messages of the shape {@code <field> <rule>, was <value>}. */
final class Arguments {
    private Arguments() {}

    static <T> T notNull(T value, String field) {
        return Objects.requireNonNull(value, field + " must not be null");
    }

    static String notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank, was "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
        return value;
    }

    static long atLeast(long value, long min, String field) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    static double positive(double value, String field) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number > 0, was " + value);
        }
        return value;
    }

    static double fraction(double value, String field) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(field + " must be between 0 and 1, was " + value);
        }
        return value;
    }
}
