package dev.newsbatch.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The immutable facts of one batch job, from which its state and progress at any instant are computed
 * (see {@link JobView}). Speed, start delay and item-level fault rates are fixed at creation, so every
 * emulator reading the job computes the same answer.
 *
 * @param id                the id after {@code batches/} (36 characters of [a-z0-9])
 * @param model             {@code models/...}
 * @param displayName       display name, or null
 * @param createTime        RFC 3339 creation time
 * @param inputFile         {@code files/...} for a file source, {@code gs://...} for a Vertex AI job, null for
 *                          inlined requests
 * @param requestCount      number of requests
 * @param totalTokens       input tokens of all requests
 * @param invalidRequests   indexes of requests that cannot be run (bad lines); they end as errors
 * @param tokensPerSecond   processing speed
 * @param startDelayMillis  time pending before processing starts
 * @param outcome           {@code SUCCEEDED}, {@code FAILED} or {@code EXPIRED}: how processing ends
 * @param seed              seed of per-request faults
 * @param itemErrorRate     fraction of requests that end with an error
 * @param malformedLineRate fraction of result lines written broken
 * @param cancelTime        RFC 3339 time of the cancel call, or null
 * @param sharedThroughput  true when the job waits its turn at the project's one processor (see
 *                          {@link JobTimeline}); false when it runs on its own as soon as its start delay ends
 * @param sequence          admission order among the jobs of the state directory, from 1; 0 in facts
 *                          written before sequences existed (they order by creation time, then id)
 * @param deleteTime        RFC 3339 time of the delete call, or null; a deleted job is invisible to the API
 *                          but keeps its place in the processor's history
 * @param blockedPromptRate    fraction of requests whose prompt is blocked (by request hash), fixed at creation
 * @param safetyFinishRate     fraction of requests that stop with finish reason SAFETY (by request hash)
 * @param recitationFinishRate fraction of requests that stop with finish reason RECITATION (by request hash)
 * @param spendLimitedRequests indexes of requests that met the spend cap at creation; they end as
 *                             RESOURCE_EXHAUSTED errors
 */
record JobFacts(String id, String model, String displayName, String createTime, String inputFile, int requestCount,
                long totalTokens, List<Integer> invalidRequests, double tokensPerSecond, long startDelayMillis,
                String outcome, long seed, double itemErrorRate, double malformedLineRate, String cancelTime,
                boolean sharedThroughput, long sequence, String deleteTime, double blockedPromptRate,
                double safetyFinishRate, double recitationFinishRate, List<Integer> spendLimitedRequests) {

    /** Batch jobs that have not finished after 48 hours expire. */
    static final Duration MAX_LIFETIME = Duration.ofHours(48);

    JobFacts {
        invalidRequests = invalidRequests == null ? List.of() : List.copyOf(invalidRequests);
        spendLimitedRequests = spendLimitedRequests == null ? List.of() : List.copyOf(spendLimitedRequests);
    }

    JobFacts cancelledAt(Instant when) {
        return new JobFacts(id, model, displayName, createTime, inputFile, requestCount, totalTokens, invalidRequests,
                tokensPerSecond, startDelayMillis, outcome, seed, itemErrorRate, malformedLineRate, when.toString(),
                sharedThroughput, sequence, deleteTime, blockedPromptRate, safetyFinishRate, recitationFinishRate,
                spendLimitedRequests);
    }

    JobFacts deletedAt(Instant when) {
        return new JobFacts(id, model, displayName, createTime, inputFile, requestCount, totalTokens, invalidRequests,
                tokensPerSecond, startDelayMillis, outcome, seed, itemErrorRate, malformedLineRate, cancelTime,
                sharedThroughput, sequence, when.toString(), blockedPromptRate, safetyFinishRate, recitationFinishRate,
                spendLimitedRequests);
    }

    boolean deleted() {
        return deleteTime != null;
    }

    /** True for a Vertex AI batch prediction job (its requests came from Cloud Storage). */
    boolean vertex() {
        return inputFile != null && (inputFile.startsWith("gs://") || inputFile.startsWith("bq://"));
    }

    /** Time processing all requests takes at {@link #tokensPerSecond()}. */
    Duration processingTime() {
        return Duration.ofNanos((long) Math.ceil(totalTokens / tokensPerSecond * 1e9));
    }

    /** When the job expires if it has not finished. */
    Instant expiry() {
        return created().plus(MAX_LIFETIME);
    }

    Instant created() {
        return Instant.parse(createTime);
    }

    /** True when request {@code index} ends with an error line. */
    boolean itemFails(int index) {
        return invalidRequests.contains(index) || spendLimitedRequests.contains(index) || Draws.hit(itemErrorRate, seed, "item:" + id, index);
    }

    /** True when request {@code index} met the spend cap. */
    boolean spendLimited(int index) {
        return spendLimitedRequests.contains(index);
    }

    /** True when the result line of request {@code index} is written broken. */
    boolean lineMalformed(int index) {
        return Draws.hit(malformedLineRate, seed, "malformed:" + id, index);
    }
}
