package dev.newsbatch.internal.retry;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How often and how long to retry: at most {@link #maxAttempts()} attempts; between two attempts the delay the
 * server asked for, when it asked and no longer than {@link #maxServerDelay()} (a longer one ends the
 * retries), else exponential backoff with jitter. Immutable; each wither returns a new policy.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.ofDefaults()
 *         .maxAttempts(5)
 *         .backoff(Duration.ofMillis(200), 2.0, 0.5, Duration.ofSeconds(10))
 *         .maxServerDelay(RetryPolicy.NO_LIMIT);
 * RetryOutcome<Page> o = policy.run(() -> fetch(url), Retryable.results(Page::busy, Page::retryAfter));
 * }</pre>
 *
 * Defaults: maxAttempts 3, initialBackoff 500 ms, multiplier 2, jitter 0.2, maxBackoff 30 s, maxServerDelay
 * 60 s, sleeper {@link Sleeper#THREAD}.
 *
 * @param maxAttempts    attempts in all, the first included; at least 1
 * @param initialBackoff wait before the first retry when the server gives no delay; not negative
 * @param maxBackoff     ceiling of a backoff wait, jitter included; not negative
 * @param multiplier     growth of the backoff per retry; at least 1
 * @param jitter         random spread of a backoff wait, {@code 0 <= jitter < 1}: the wait is the backoff
 *                       times a factor drawn from {@code [1 - jitter, 1 + jitter]}
 * @param maxServerDelay longest server-given delay honoured; a longer one ends the retries at once
 * @param sleeper        how the waits are spent
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
                          double jitter, Duration maxServerDelay, Sleeper sleeper) {

    /** A {@link #maxServerDelay()} that honours any delay a server asks for. */
    public static final Duration NO_LIMIT = Duration.ofMillis(Long.MAX_VALUE);

    private static final RetryPolicy DEFAULTS = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(30),
            2.0, 0.2, Duration.ofSeconds(60), Sleeper.THREAD);

    /** Waits between attempts. The default sleeps; tests pass one that records the waits instead. */
    @FunctionalInterface
    public interface Sleeper {
        /** Sleeps the current thread. */
        Sleeper THREAD = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

        /** Waits {@code duration}; throws when interrupted, which ends the retries. */
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Checks every field. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        notNegative(initialBackoff, "initialBackoff");
        notNegative(maxBackoff, "maxBackoff");
        if (!(multiplier >= 1)) {
            throw new IllegalArgumentException("multiplier must be >= 1, was " + multiplier);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be >= 0 and < 1, was " + jitter);
        }
        notNegative(maxServerDelay, "maxServerDelay");
        if (sleeper == null) {
            throw new IllegalArgumentException("sleeper must not be null");
        }
    }

    /** The defaults listed in the class documentation. */
    public static RetryPolicy ofDefaults() {
        return DEFAULTS;
    }

    /** A copy making at most {@code attempts} attempts, the first included. */
    public RetryPolicy maxAttempts(int attempts) {
        return with(d -> d.maxAttempts = attempts);
    }

    /** A copy with another backoff: first wait, growth per retry, random spread and ceiling. */
    public RetryPolicy backoff(Duration initial, double growth, double spread, Duration max) {
        return with(d -> {
            d.initialBackoff = initial;
            d.multiplier = growth;
            d.jitter = spread;
            d.maxBackoff = max;
        });
    }

    /** A copy honouring server-given delays up to {@code max}; {@link #NO_LIMIT} honours any. */
    public RetryPolicy maxServerDelay(Duration max) {
        return with(d -> d.maxServerDelay = max);
    }

    /** A copy spending its waits with {@code s}. */
    public RetryPolicy sleeper(Sleeper s) {
        return with(d -> d.sleeper = s);
    }

    /**
     * Calls {@code body} until it gives an outcome {@code rules} do not retry, the attempts run out, the server
     * asks for a delay above {@link #maxServerDelay()}, or a wait is interrupted. Never throws what
     * {@code body} throws: the outcome carries it. Blocks for the waits.
     */
    public <T> RetryOutcome<T> run(Callable<? extends T> body, Retryable<? super T> rules) {
        return new RetryLoop<T>(this, rules).run(body);
    }

    /**
     * {@code body} retried by {@link #run}: the decorated supplier returns the last result or throws the last
     * exception. After an interrupted wait it does the same, with the thread's interrupt flag set.
     */
    public <T> Supplier<T> decorate(Supplier<? extends T> body, Retryable<? super T> rules) {
        return () -> this.<T>run(body::get, rules).orThrow();
    }

    /**
     * The Resilience4j configuration of this policy under {@code rules}: a wait below zero from its interval
     * function means a server asked for more than {@link #maxServerDelay()}, so no retry.
     */
    public <T> RetryConfig config(Retryable<? super T> rules) {
        IntervalBiFunction<T> interval = (attempt, outcome) -> {
            Optional<Duration> asked = outcome.isLeft()
                    ? rules.errorDelay().apply(outcome.getLeft())
                    : rules.resultDelay().apply(outcome.get());
            if (asked.isEmpty()) {
                return backoff(attempt).toMillis();
            }
            Duration delay = asked.get().isNegative() ? Duration.ZERO : asked.get();
            return delay.compareTo(maxServerDelay) > 0 ? -1L : delay.toMillis();
        };
        return RetryConfig.<T>custom()
                .maxAttempts(maxAttempts)
                .retryOnException(e -> rules.error().test(e))
                .retryOnResult(r -> rules.result().test(r))
                .intervalBiFunction(interval)
                .build();
    }

    /** The backoff wait after failed attempt number {@code attempt} (from 1), jitter drawn afresh. */
    Duration backoff(int attempt) {
        double base = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
        double spread = jitter == 0 ? 1 : 1 - jitter + 2 * jitter * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) Math.min(base * spread, maxBackoff.toMillis()));
    }

    private RetryPolicy with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new RetryPolicy(d.maxAttempts, d.initialBackoff, d.maxBackoff, d.multiplier, d.jitter,
                d.maxServerDelay, d.sleeper);
    }

    private static void notNegative(Duration d, String field) {
        if (d == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, was " + d);
        }
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff.toMillis()
                + "ms, multiplier=" + multiplier + ", jitter=" + jitter + ", maxBackoff=" + maxBackoff.toMillis()
                + "ms, maxServerDelay=" + (maxServerDelay.equals(NO_LIMIT) ? "none" : maxServerDelay.toMillis() + "ms")
                + "]";
    }

    /** The fields of a policy being changed: the one place that lists them for a copy. */
    private static final class Draft {
        int maxAttempts;
        Duration initialBackoff;
        Duration maxBackoff;
        double multiplier;
        double jitter;
        Duration maxServerDelay;
        Sleeper sleeper;

        Draft(RetryPolicy p) {
            maxAttempts = p.maxAttempts;
            initialBackoff = p.initialBackoff;
            maxBackoff = p.maxBackoff;
            multiplier = p.multiplier;
            jitter = p.jitter;
            maxServerDelay = p.maxServerDelay;
            sleeper = p.sleeper;
        }
    }
}
