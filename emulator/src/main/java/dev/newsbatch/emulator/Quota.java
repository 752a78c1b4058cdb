package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;

/**
 * The limits the emulator enforces for one model in one usage tier. {@link Long#MAX_VALUE} means unlimited.
 * The published numbers are the ones the SDK plans with: the model catalogue's dated tier table
 * {@code dev/newsbatch/catalog/tiers.json} (module {@code catalog}). A limit of 0 (the free tier's batch
 * jobs) refuses every such request.
 *
 * <pre>{@code
 * Quota q = Quota.of("tier1", "gemini-2.5-flash");          // 1000 RPM, 3,000,000 enqueued batch tokens ...
 * EmulatorConfig c = EmulatorConfig.defaults().quota(q.enqueuedBatchTokens(50_000));
 * }</pre>
 *
 * @param requestsPerMinute     generateContent requests per minute (RPM)
 * @param tokensPerMinute       generateContent input tokens per minute (TPM)
 * @param requestsPerDay        generateContent requests per day (RPD), reset at midnight Pacific time
 * @param enqueuedBatchTokens   input tokens of this model's batch jobs still pending or running
 * @param concurrentBatchJobs   batch jobs pending or running at once, all models together
 * @param maxFileBytes          size of one uploaded file
 * @param maxInlineRequestBytes size of a batch create request with inlined requests
 */
public record Quota(long requestsPerMinute, long tokensPerMinute, long requestsPerDay, long enqueuedBatchTokens,
                    long concurrentBatchJobs, long maxFileBytes, long maxInlineRequestBytes) {

    /** The tier names of the published tables. */
    public static final Set<String> TIERS = Set.of("free", "tier1", "tier2", "tier3");

    private static final JsonNode TABLE = load();

    /** Checks that every limit is at least 1, but the batch limits, which may be 0 (no Batch API). */
    public Quota {
        Arguments.atLeast(requestsPerMinute, 1, "requestsPerMinute");
        Arguments.atLeast(tokensPerMinute, 1, "tokensPerMinute");
        Arguments.atLeast(requestsPerDay, 1, "requestsPerDay");
        Arguments.atLeast(enqueuedBatchTokens, 0, "enqueuedBatchTokens");
        Arguments.atLeast(concurrentBatchJobs, 0, "concurrentBatchJobs");
        Arguments.atLeast(maxFileBytes, 1, "maxFileBytes");
        Arguments.atLeast(maxInlineRequestBytes, 1, "maxInlineRequestBytes");
    }

    /**
     * The published limits of {@code model} (with or without {@code models/}) in {@code tier}
     * ({@code free}, {@code tier1}, {@code tier2}, {@code tier3}): the row of the model, or of the longest
     * listed name it extends ({@code gemini-2.5-flash-preview-09-2025} takes {@code gemini-2.5-flash});
     * a model the table does not list gets the tier's lowest figure of each limit.
     */
    public static Quota of(String tier, String model) {
        String t = normalizeTier(tier);
        JsonNode tierNode = TABLE.path("tiers").path(t);
        JsonNode rows = tierNode.path("models");
        String m = Arguments.notBlank(model, "model").startsWith("models/") ? model.substring(7) : model;
        String best = null;
        for (var it = rows.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if ((m.equals(key) || m.startsWith(key + "-")) && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        JsonNode batch = TABLE.path("batch");
        long concurrent = tierNode.has("concurrent_batch_jobs") ? limit(tierNode, "concurrent_batch_jobs")
                : limit(batch, "concurrent_batch_jobs");
        long fileBytes = limit(batch, "input_file_bytes");
        long inlineBytes = limit(batch, "inline_request_bytes");
        if (best != null) {
            JsonNode row = rows.path(best);
            return new Quota(limit(row, "rpm"), limit(row, "tpm"), limit(row, "rpd"),
                    limit(row, "batch_enqueued_tokens"), concurrent, fileBytes, inlineBytes);
        }
        return new Quota(lowest(rows, "rpm"), lowest(rows, "tpm"), lowest(rows, "rpd"),
                lowest(rows, "batch_enqueued_tokens"), concurrent, fileBytes, inlineBytes);
    }

    private static long lowest(JsonNode rows, String field) {
        long low = Long.MAX_VALUE;
        for (JsonNode row : rows) {
            low = Math.min(low, limit(row, field));
        }
        return low;
    }

    /** Accepts {@code free}, {@code tier1}, {@code tier_1}, {@code TIER_1}, {@code 1}; rejects others. */
    static String normalizeTier(String tier) {
        String t = Arguments.notBlank(tier, "tier").toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")
                .replace(" ", "");
        if (t.length() == 1 && Character.isDigit(t.charAt(0))) {
            t = "tier" + t;
        }
        if (!TIERS.contains(t)) {
            throw new IllegalArgumentException("tier must be one of free, tier1, tier2, tier3, was \"" + tier + "\"");
        }
        return t;
    }

    /** A copy with another RPM limit. */
    public Quota requestsPerMinute(long value) {
        return new Quota(value, tokensPerMinute, requestsPerDay, enqueuedBatchTokens, concurrentBatchJobs,
                maxFileBytes, maxInlineRequestBytes);
    }

    /** A copy with another TPM limit. */
    public Quota tokensPerMinute(long value) {
        return new Quota(requestsPerMinute, value, requestsPerDay, enqueuedBatchTokens, concurrentBatchJobs,
                maxFileBytes, maxInlineRequestBytes);
    }

    /** A copy with another RPD limit. */
    public Quota requestsPerDay(long value) {
        return new Quota(requestsPerMinute, tokensPerMinute, value, enqueuedBatchTokens, concurrentBatchJobs,
                maxFileBytes, maxInlineRequestBytes);
    }

    /** A copy with another enqueued-batch-token limit. */
    public Quota enqueuedBatchTokens(long value) {
        return new Quota(requestsPerMinute, tokensPerMinute, requestsPerDay, value, concurrentBatchJobs,
                maxFileBytes, maxInlineRequestBytes);
    }

    /** A copy with another limit of concurrent batch jobs. */
    public Quota concurrentBatchJobs(long value) {
        return new Quota(requestsPerMinute, tokensPerMinute, requestsPerDay, enqueuedBatchTokens, value,
                maxFileBytes, maxInlineRequestBytes);
    }

    /** A copy with another maximum file size. */
    public Quota maxFileBytes(long value) {
        return new Quota(requestsPerMinute, tokensPerMinute, requestsPerDay, enqueuedBatchTokens,
                concurrentBatchJobs, value, maxInlineRequestBytes);
    }

    /** A copy with another maximum size of an inlined batch create request. */
    public Quota maxInlineRequestBytes(long value) {
        return new Quota(requestsPerMinute, tokensPerMinute, requestsPerDay, enqueuedBatchTokens,
                concurrentBatchJobs, maxFileBytes, value);
    }

    /** Applies {@code key=value} as written on the command line, e.g. {@code rpm=5} or {@code enqueued-tokens=1e6}. */
    public Quota with(String key, long value) {
        switch (Arguments.notBlank(key, "quota key").toLowerCase(Locale.ROOT)) {
            case "rpm": return requestsPerMinute(value);
            case "tpm": return tokensPerMinute(value);
            case "rpd": return requestsPerDay(value);
            case "enqueued-tokens": return enqueuedBatchTokens(value);
            case "concurrent-jobs": return concurrentBatchJobs(value);
            case "max-file-bytes": return maxFileBytes(value);
            case "max-inline-bytes": return maxInlineRequestBytes(value);
            default:
                throw new IllegalArgumentException("quota key must be one of rpm, tpm, rpd, enqueued-tokens, "
                        + "concurrent-jobs, max-file-bytes, max-inline-bytes, was \"" + key + "\"");
        }
    }

    @Override
    public String toString() {
        return "Quota[rpm=" + show(requestsPerMinute) + ", tpm=" + show(tokensPerMinute) + ", rpd="
                + show(requestsPerDay) + ", enqueuedBatchTokens=" + show(enqueuedBatchTokens) + ", concurrentBatchJobs="
                + show(concurrentBatchJobs) + ", maxFileBytes=" + show(maxFileBytes) + ", maxInlineRequestBytes="
                + show(maxInlineRequestBytes) + "]";
    }

    private static String show(long v) {
        return v == Long.MAX_VALUE ? "unlimited" : String.valueOf(v);
    }

    private static long limit(JsonNode row, String field) {
        JsonNode v = row.get(field);
        return v == null || v.isNull() ? Long.MAX_VALUE : v.asLong();
    }

    private static JsonNode load() {
        try (InputStream in = Quota.class.getResourceAsStream("/dev/newsbatch/catalog/tiers.json")) {
            if (in == null) {
                throw new IllegalStateException("resource dev/newsbatch/catalog/tiers.json (module catalog) is missing");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
