package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
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

    /** The content fault a generate request with {@code requestHash} meets under the current faults. */
    Responder.Outcome outcome(long requestHash) {
        Faults f = state.faults;
        return outcome(f.seed(), f.blockedPromptRate(), f.safetyFinishRate(), f.recitationFinishRate(), requestHash);
    }

    /**
     * The content fault of a request: its prompt blocked (reason SAFETY or OTHER, half each), a SAFETY or a
     * RECITATION finish, or none; drawn from the request's hash, so a request meets the same fault every time.
     */
    static Responder.Outcome outcome(long seed, double blocked, double safety, double recitation, long requestHash) {
        if (Draws.hit(blocked, seed, "blocked-prompt", requestHash)) {
            return Draws.unit(seed, "block-reason", requestHash) < 0.5 ? Responder.Outcome.BLOCKED_SAFETY
                    : Responder.Outcome.BLOCKED_OTHER;
        }
        if (Draws.hit(safety, seed, "safety-finish", requestHash)) {
            return Responder.Outcome.SAFETY;
        }
        if (Draws.hit(recitation, seed, "recitation-finish", requestHash)) {
            return Responder.Outcome.RECITATION;
        }
        return Responder.Outcome.NORMAL;
    }

    /** True when a generate request with {@code requestHash} meets the spend cap under the current faults. */
    boolean spendLimited(long requestHash) {
        Faults f = state.faults;
        return spendLimited(f.seed(), f.spendLimitRate(), requestHash);
    }

    static boolean spendLimited(long seed, double rate, long requestHash) {
        return Draws.hit(rate, seed, "spend-limit", requestHash);
    }

    /** What the emulator assumes Google says when the project's spend cap is reached. */
    static final String SPEND_CAP_MESSAGE = "You exceeded your current quota, please check your plan and billing "
            + "details. Your project has reached its spend cap. For more information on this error, head to: "
            + "https://ai.google.dev/gemini-api/docs/rate-limits.";

    /**
     * The 429 of a reached spend cap: RESOURCE_EXHAUSTED with ErrorInfo, Help and RetryInfo details; the retry
     * delay runs to the end of the current rolling 10-minute window of the emulator's clock.
     */
    static ApiError spendLimitError(Instant now) {
        long seconds = 600 - Math.floorMod(now.getEpochSecond(), 600L);
        ArrayNode details = Json.array();
        ObjectNode info = details.addObject();
        info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        info.put("reason", "SPEND_CAP_EXCEEDED");
        info.put("domain", "googleapis.com");
        info.putObject("metadata").put("service", "generativelanguage.googleapis.com");
        ObjectNode help = details.addObject();
        help.put("@type", "type.googleapis.com/google.rpc.Help");
        help.putArray("links").addObject().put("description", "Learn more about Gemini API spend limits")
                .put("url", "https://ai.google.dev/gemini-api/docs/billing");
        details.addObject().put("@type", "type.googleapis.com/google.rpc.RetryInfo").put("retryDelay", seconds + "s");
        return new ApiError(429, "RESOURCE_EXHAUSTED", SPEND_CAP_MESSAGE, details);
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
