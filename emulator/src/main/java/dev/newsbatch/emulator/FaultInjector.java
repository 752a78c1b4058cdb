package dev.newsbatch.emulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applies the current {@link Faults}: decides, before a request has any effect, whether it is delayed,
 * dropped or answered with an error, and picks the outcome of new batch jobs. Decisions are the n-th draws of
 * seeded streams, so the same sequence of requests meets the same faults. Replacing the faults restarts
 * the sequences.
 */
final class FaultInjector {
    /** Thrown to close the connection without a reply. */
    static final class DroppedConnection extends RuntimeException {
        DroppedConnection() {
            super("connection dropped by fault injection", null, false, false);
        }
    }

    private volatile State state;

    private static final class State {
        final Faults faults;
        final Map<Endpoint, AtomicLong> counters = new EnumMap<>(Endpoint.class);
        final AtomicLong jobs = new AtomicLong();
        final AtomicLong downloads = new AtomicLong();
        final AtomicInteger failNext;
        final AtomicInteger expireNext;
        final Map<Endpoint, AtomicInteger> burstLeft = new EnumMap<>(Endpoint.class);

        State(Faults faults) {
            this.faults = faults;
            for (Endpoint e : Endpoint.values()) {
                counters.put(e, new AtomicLong());
            }
            failNext = new AtomicInteger(faults.failNextJobs());
            expireNext = new AtomicInteger(faults.expireNextJobs());
            faults.bursts().forEach((e, b) -> burstLeft.put(e, new AtomicInteger(b.count())));
        }
    }

    FaultInjector(Faults faults) {
        set(faults);
    }

    void set(Faults faults) {
        state = new State(Arguments.notNull(faults, "faults"));
    }

    Faults faults() {
        return state.faults;
    }

    /** Delays, drops or fails this request as the faults say; returns normally when it may proceed. */
    void beforeRequest(Endpoint endpoint, Counters counters) {
        State s = state;
        Faults f = s.faults;
        long n = s.counters.get(endpoint).getAndIncrement();
        if (!f.latency().isZero()) {
            try {
                Thread.sleep(f.latency().toMillis(), f.latency().toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        AtomicInteger burst = s.burstLeft.get(endpoint);
        if (burst != null && burst.getAndUpdate(v -> Math.max(0, v - 1)) > 0) {
            counters.faultsInjected.incrementAndGet();
            int status = f.bursts().get(endpoint).status();
            throw ApiError.ofHttpStatus(status, messageFor(status));
        }
        Double drop = f.drops().get(endpoint);
        if (drop != null && Draws.hit(drop, f.seed(), "drop:" + endpoint.wireName(), n)) {
            counters.faultsInjected.incrementAndGet();
            throw new DroppedConnection();
        }
        Faults.ErrorFault error = f.errors().get(endpoint);
        if (error != null && Draws.hit(error.rate(), f.seed(), "error:" + endpoint.wireName(), n)) {
            counters.faultsInjected.incrementAndGet();
            throw ApiError.ofHttpStatus(error.status(), messageFor(error.status()));
        }
    }

    /** How a new batch job ends: SUCCEEDED, FAILED or EXPIRED. */
    String jobOutcome() {
        State s = state;
        Faults f = s.faults;
        long n = s.jobs.getAndIncrement();
        if (s.failNext.getAndUpdate(v -> Math.max(0, v - 1)) > 0) {
            return "FAILED";
        }
        if (s.expireNext.getAndUpdate(v -> Math.max(0, v - 1)) > 0) {
            return "EXPIRED";
        }
        if (Draws.hit(f.jobFailureRate(), f.seed(), "job-failure", n)) {
            return "FAILED";
        }
        if (Draws.hit(f.jobExpiryRate(), f.seed(), "job-expiry", n)) {
            return "EXPIRED";
        }
        return "SUCCEEDED";
    }

    /** True when this download is to be cut off half way. */
    boolean truncateDownload() {
        State s = state;
        return Draws.hit(s.faults.truncatedDownloadRate(), s.faults.seed(), "truncate", s.downloads.getAndIncrement());
    }

    /** The messages the real service sends with these statuses. */
    static String messageFor(int status) {
        switch (status) {
            case 429: return "Resource has been exhausted (e.g. check quota).";
            case 500: return "An internal error has occurred. Please retry or report in "
                    + "https://developers.generativeai.google/guide/troubleshooting";
            case 503: return "The model is overloaded. Please try again later.";
            case 504: return "Deadline expired before operation could complete.";
            default: return "Injected fault: HTTP " + status + ".";
        }
    }
}
