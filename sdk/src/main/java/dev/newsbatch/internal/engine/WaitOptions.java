package dev.newsbatch.internal.engine;

import dev.newsbatch.internal.Checks;
import java.time.Duration;

/**
 * How to wait for batch jobs: the first poll interval, the longest one (polling backs off while
 * nothing changes) and the longest total wait.
 *
 * <pre>{@code
 * WaitOptions w = WaitOptions.ofDefaults().maxWait(Duration.ofHours(2));
 * }</pre>
 *
 * @param initialInterval first pause between polls. Default: 2 seconds
 * @param maxInterval     longest pause between polls. Default: 60 seconds
 * @param maxWait         give up waiting after this long. Default: 24 hours
 */
public record WaitOptions(Duration initialInterval, Duration maxInterval, Duration maxWait) {
    public WaitOptions {
        Checks.notNull(initialInterval, "initialInterval");
        Checks.notNull(maxInterval, "maxInterval");
        Checks.notNull(maxWait, "maxWait");
        if (initialInterval.isNegative() || initialInterval.isZero()) {
            throw new IllegalArgumentException("initialInterval must be > 0, was " + initialInterval);
        }
        if (maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException("maxInterval must be >= initialInterval, was " + maxInterval);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must be >= 0, was " + maxWait);
        }
    }

    /** 2 s first interval, 60 s longest, 24 h total. */
    public static WaitOptions ofDefaults() {
        return new WaitOptions(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofHours(24));
    }

    /** A copy with another first interval (and longest, if it was shorter). */
    public WaitOptions initialInterval(Duration d) {
        return new WaitOptions(d, maxInterval.compareTo(d) < 0 ? d : maxInterval, maxWait);
    }

    /** A copy with another longest interval. */
    public WaitOptions maxInterval(Duration d) {
        return new WaitOptions(initialInterval, d, maxWait);
    }

    /** A copy with another total wait. */
    public WaitOptions maxWait(Duration d) {
        return new WaitOptions(initialInterval, maxInterval, d);
    }
}
