package dev.newsbatch.internal.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} value: delay seconds ({@code 120}) or an HTTP date
 * ({@code Wed, 21 Oct 2015 07:28:00 GMT}) measured from a given instant. A time already past, or a negative
 * number, means no wait.
 *
 * <pre>{@code
 * Optional<Duration> wait = RetryAfter.parse(response.headers().firstValue("retry-after").orElse(null),
 *         clock.instant());
 * }</pre>
 */
public final class RetryAfter {
    private RetryAfter() {}

    /** The wait {@code value} asks for, seen at {@code now}; empty when {@code value} is null or unreadable. */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String s = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(s))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
