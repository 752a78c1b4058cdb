package dev.newsbatch.emulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Faults the emulator injects, as an immutable value with withers. Every random choice is drawn from
 * {@link #seed()} and a per-endpoint request counter, so a run is reproducible. A request-level fault
 * fires before any side effect, so a client's retry of it is safe, as with the real service.
 *
 * <pre>{@code
 * Faults f = Faults.none()
 *     .errorRate(Endpoint.GENERATE_CONTENT, 0.1, 503)   // 10% of generateContent calls get 503
 *     .latency(Duration.ofMillis(50))                  // every request waits 50 ms
 *     .itemErrorRate(0.05)                             // 5% of batch result lines are errors
 *     .failNextJobs(1)                                 // the next batch job ends FAILED
 *     .failNext(Endpoint.UPLOAD_START, 2, 503)         // the next two uploads get 503
 *     .blockedPromptRate(0.01)                         // 1% of prompts blocked (promptFeedback)
 *     .safetyFinishRate(0.01).recitationFinishRate(0.01)
 *     .spendLimitRate(0.02);                           // 2% of generate requests: 429 spend cap
 * emu.faults(f);
 * }</pre>
 *
 * @param seed                  seed of every random choice. Default: 42
 * @param errors                per endpoint: the fraction of requests answered with an error, and its HTTP status
 * @param drops                 per endpoint: the fraction of requests whose connection is closed without a reply
 * @param latency               delay added before every request is handled. Default: zero
 * @param itemErrorRate         fraction of the requests inside a batch job that end with an error line
 * @param malformedLineRate     fraction of result lines written as broken JSON (file-sourced jobs), or with
 *                              a broken JSON answer (inlined jobs)
 * @param jobFailureRate        fraction of new batch jobs that end {@code BATCH_STATE_FAILED}
 * @param failNextJobs          the next N batch jobs created end {@code BATCH_STATE_FAILED}
 * @param jobExpiryRate         fraction of new batch jobs that end {@code BATCH_STATE_EXPIRED}
 * @param expireNextJobs        the next N batch jobs created end {@code BATCH_STATE_EXPIRED}
 * @param truncatedDownloadRate fraction of downloads cut off half way (the connection closes mid-body)
 * @param bursts                per endpoint: the next N requests answered with an error (before any rate)
 * @param blockedPromptRate     fraction of generate requests (real-time calls and batch lines) whose prompt is
 *                              blocked: no candidates, {@code promptFeedback.blockReason} SAFETY or OTHER
 * @param safetyFinishRate      fraction of generate requests answered with a candidate that stops with
 *                              {@code finishReason} SAFETY, no text and a blocked safety rating
 * @param recitationFinishRate  fraction of generate requests whose candidate stops with RECITATION, no text
 * @param spendLimitRate        fraction of generate requests refused with 429 RESOURCE_EXHAUSTED because the
 *                              project's spend cap is reached (a batch line gets the error instead)
 */
public record Faults(long seed, Map<Endpoint, ErrorFault> errors, Map<Endpoint, Double> drops, Duration latency,
                     double itemErrorRate, double malformedLineRate, double jobFailureRate, int failNextJobs,
                     double jobExpiryRate, int expireNextJobs, double truncatedDownloadRate,
                     Map<Endpoint, ErrorBurst> bursts, double blockedPromptRate, double safetyFinishRate,
                     double recitationFinishRate, double spendLimitRate) {

    /** The next {@code count} requests answered with HTTP {@code status}. */
    public record ErrorBurst(int count, int status) {
        /** Checks the count and the status. */
        public ErrorBurst {
            Arguments.atLeast(count, 0, "count");
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("status must be an HTTP error code (400-599), was " + status);
            }
        }

        @Override
        public String toString() {
            return count + "x" + status;
        }
    }

    /** An error answer injected at {@code rate} with HTTP {@code status} (429, 500 or 503, or another 4xx/5xx). */
    public record ErrorFault(double rate, int status) {
        /** Checks the rate and the status. */
        public ErrorFault {
            Arguments.fraction(rate, "rate");
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("status must be an HTTP error code (400-599), was " + status);
            }
        }

        @Override
        public String toString() {
            return rate + ":" + status;
        }
    }

    /** Checks every field and copies the maps. */
    public Faults {
        errors = Map.copyOf(Arguments.notNull(errors, "errors"));
        drops = Map.copyOf(Arguments.notNull(drops, "drops"));
        bursts = Map.copyOf(Arguments.notNull(bursts, "bursts"));
        drops.forEach((e, r) -> Arguments.fraction(r, "dropRate[" + e.wireName() + "]"));
        Arguments.notNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + latency);
        }
        Arguments.fraction(itemErrorRate, "itemErrorRate");
        Arguments.fraction(malformedLineRate, "malformedLineRate");
        Arguments.fraction(jobFailureRate, "jobFailureRate");
        Arguments.fraction(jobExpiryRate, "jobExpiryRate");
        Arguments.fraction(truncatedDownloadRate, "truncatedDownloadRate");
        Arguments.atLeast(failNextJobs, 0, "failNextJobs");
        Arguments.atLeast(expireNextJobs, 0, "expireNextJobs");
        Arguments.fraction(blockedPromptRate, "blockedPromptRate");
        Arguments.fraction(safetyFinishRate, "safetyFinishRate");
        Arguments.fraction(recitationFinishRate, "recitationFinishRate");
        Arguments.fraction(spendLimitRate, "spendLimitRate");
    }

    /** No faults at all (the default). */
    public static Faults none() {
        return new Faults(42, Map.of(), Map.of(), Duration.ZERO, 0, 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0);
    }

    /** A copy with another seed. */
    public Faults seed(long seed) {
        return with(d -> d.seed = seed);
    }

    /** A copy where {@code rate} of the requests to {@code endpoint} get an error with HTTP {@code status}. */
    public Faults errorRate(Endpoint endpoint, double rate, int status) {
        Map<Endpoint, ErrorFault> copy = new EnumMap<>(Endpoint.class);
        copy.putAll(errors);
        copy.put(Arguments.notNull(endpoint, "endpoint"), new ErrorFault(rate, status));
        return with(d -> d.errors = copy);
    }

    /** A copy where {@code rate} of the requests to every endpoint get an error with HTTP {@code status}. */
    public Faults errorRate(double rate, int status) {
        Faults f = this;
        for (Endpoint e : Endpoint.values()) {
            f = f.errorRate(e, rate, status);
        }
        return f;
    }

    /**
     * A copy where the next {@code count} requests to {@code endpoint} get an error with HTTP {@code status},
     * before any other fault is drawn; later requests meet the other faults only.
     */
    public Faults failNext(Endpoint endpoint, int count, int status) {
        Map<Endpoint, ErrorBurst> copy = new EnumMap<>(Endpoint.class);
        copy.putAll(bursts);
        copy.put(Arguments.notNull(endpoint, "endpoint"), new ErrorBurst(count, status));
        return with(d -> d.bursts = copy);
    }

    /** A copy where {@code rate} of the requests to {@code endpoint} lose their connection without a reply. */
    public Faults dropRate(Endpoint endpoint, double rate) {
        Map<Endpoint, Double> copy = new EnumMap<>(Endpoint.class);
        copy.putAll(drops);
        copy.put(Arguments.notNull(endpoint, "endpoint"), Arguments.fraction(rate, "dropRate"));
        return with(d -> d.drops = copy);
    }

    /** A copy with {@code latency} added before every request. */
    public Faults latency(Duration latency) {
        return with(d -> d.latency = latency);
    }

    /** A copy where {@code rate} of the requests inside new batch jobs end with an error. */
    public Faults itemErrorRate(double rate) {
        return with(d -> d.itemErrorRate = rate);
    }

    /** A copy where {@code rate} of the result lines of new batch jobs are malformed. */
    public Faults malformedLineRate(double rate) {
        return with(d -> d.malformedLineRate = rate);
    }

    /** A copy where {@code rate} of new batch jobs fail as a whole. */
    public Faults jobFailureRate(double rate) {
        return with(d -> d.jobFailureRate = rate);
    }

    /** A copy where the next {@code count} batch jobs created fail as a whole. */
    public Faults failNextJobs(int count) {
        return with(d -> d.failNextJobs = count);
    }

    /** A copy where {@code rate} of new batch jobs expire. */
    public Faults jobExpiryRate(double rate) {
        return with(d -> d.jobExpiryRate = rate);
    }

    /** A copy where the next {@code count} batch jobs created expire. */
    public Faults expireNextJobs(int count) {
        return with(d -> d.expireNextJobs = count);
    }

    /** A copy where {@code rate} of downloads are cut off half way. */
    public Faults truncatedDownloadRate(double rate) {
        return with(d -> d.truncatedDownloadRate = rate);
    }

    /**
     * A copy where {@code rate} of generate requests have their prompt blocked. Which requests is decided by a
     * hash of the request and the seed, so the same request is always blocked (as a real filter would).
     */
    public Faults blockedPromptRate(double rate) {
        return with(d -> d.blockedPromptRate = rate);
    }

    /** A copy where {@code rate} of generate requests stop with finish reason SAFETY (by request hash). */
    public Faults safetyFinishRate(double rate) {
        return with(d -> d.safetyFinishRate = rate);
    }

    /** A copy where {@code rate} of generate requests stop with finish reason RECITATION (by request hash). */
    public Faults recitationFinishRate(double rate) {
        return with(d -> d.recitationFinishRate = rate);
    }

    /** A copy where {@code rate} of generate requests meet the spend cap: 429 (by request hash). */
    public Faults spendLimitRate(double rate) {
        return with(d -> d.spendLimitRate = rate);
    }

    private Faults with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new Faults(d.seed, d.errors, d.drops, d.latency, d.itemErrorRate, d.malformedLineRate,
                d.jobFailureRate, d.failNextJobs, d.jobExpiryRate, d.expireNextJobs, d.truncatedDownloadRate,
                d.bursts, d.blockedPromptRate, d.safetyFinishRate, d.recitationFinishRate, d.spendLimitRate);
    }

    /** True when no fault of any kind is set. */
    public boolean isNone() {
        return errors.values().stream().allMatch(e -> e.rate() == 0)
                && drops.values().stream().allMatch(r -> r == 0) && latency.isZero() && itemErrorRate == 0
                && malformedLineRate == 0 && jobFailureRate == 0 && failNextJobs == 0 && jobExpiryRate == 0
                && expireNextJobs == 0 && truncatedDownloadRate == 0
                && bursts.values().stream().allMatch(b -> b.count() == 0) && blockedPromptRate == 0
                && safetyFinishRate == 0 && recitationFinishRate == 0 && spendLimitRate == 0;
    }

    @Override
    public String toString() {
        if (isNone()) {
            return "Faults[none]";
        }
        StringBuilder s = new StringBuilder("Faults[seed=").append(seed);
        if (!errors.isEmpty()) {
            s.append(", errors=").append(byName(errors));
        }
        if (!drops.isEmpty()) {
            s.append(", drops=").append(byName(drops));
        }
        if (!bursts.isEmpty()) {
            s.append(", failNext=").append(byName(bursts));
        }
        if (!latency.isZero()) {
            s.append(", latency=").append(latency.toMillis()).append("ms");
        }
        append(s, "itemErrorRate", itemErrorRate);
        append(s, "malformedLineRate", malformedLineRate);
        append(s, "jobFailureRate", jobFailureRate);
        append(s, "failNextJobs", failNextJobs);
        append(s, "jobExpiryRate", jobExpiryRate);
        append(s, "expireNextJobs", expireNextJobs);
        append(s, "truncatedDownloadRate", truncatedDownloadRate);
        append(s, "blockedPromptRate", blockedPromptRate);
        append(s, "safetyFinishRate", safetyFinishRate);
        append(s, "recitationFinishRate", recitationFinishRate);
        append(s, "spendLimitRate", spendLimitRate);
        return s.append(']').toString();
    }

    private static <V> Map<String, V> byName(Map<Endpoint, V> map) {
        Map<String, V> named = new TreeMap<>();
        map.forEach((k, v) -> named.put(k.wireName(), v));
        if (named.size() == Endpoint.values().length && Set.copyOf(named.values()).size() == 1) {
            return Map.of("*", named.values().iterator().next());
        }
        return named;
    }

    private static void append(StringBuilder s, String name, double value) {
        if (value != 0) {
            s.append(", ").append(name).append('=').append(value % 1 == 0 ? String.valueOf((long) value) : value);
        }
    }

    /** The fields of a value being changed: the one place that lists them for a copy. */
    private static final class Draft {
        long seed;
        Map<Endpoint, ErrorFault> errors;
        Map<Endpoint, Double> drops;
        Duration latency;
        double itemErrorRate;
        double malformedLineRate;
        double jobFailureRate;
        int failNextJobs;
        double jobExpiryRate;
        int expireNextJobs;
        double truncatedDownloadRate;
        Map<Endpoint, ErrorBurst> bursts;
        double blockedPromptRate;
        double safetyFinishRate;
        double recitationFinishRate;
        double spendLimitRate;

        Draft(Faults f) {
            seed = f.seed;
            errors = f.errors;
            drops = f.drops;
            latency = f.latency;
            itemErrorRate = f.itemErrorRate;
            malformedLineRate = f.malformedLineRate;
            jobFailureRate = f.jobFailureRate;
            failNextJobs = f.failNextJobs;
            jobExpiryRate = f.jobExpiryRate;
            expireNextJobs = f.expireNextJobs;
            truncatedDownloadRate = f.truncatedDownloadRate;
            bursts = f.bursts;
            blockedPromptRate = f.blockedPromptRate;
            safetyFinishRate = f.safetyFinishRate;
            recitationFinishRate = f.recitationFinishRate;
            spendLimitRate = f.spendLimitRate;
        }
    }
}
