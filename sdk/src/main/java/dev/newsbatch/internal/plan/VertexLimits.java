package dev.newsbatch.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbatch.internal.Checks;
import dev.newsbatch.internal.ModelCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Vertex AI batch prediction's own limits and price basis, as the model catalogue's {@code vertex} section
 * records them with their sources: batch prediction jobs of a project that run at once (the binding limit
 * there: Gemini on Vertex has no per-project token or enqueued-token quota), requests and file bytes one job
 * may hold, and what a batch token costs relative to the catalogue's prices. Numbers the catalogue marks
 * {@code *_assumed} are shown as assumptions wherever they are printed.
 *
 * <pre>{@code
 * VertexLimits v = VertexLimits.defaults();
 * v.concurrentJobs();     // 8
 * v.requestsPerJob();     // 200,000 (assumed)
 * }</pre>
 *
 * @param concurrentJobs       batch prediction jobs of a project and region that run at once
 * @param requestsPerJob       requests one job may hold
 * @param requestsAssumed      true when {@code requestsPerJob} is not a published number
 * @param inputFileBytes       bytes of one job's request file
 * @param fileBytesAssumed     true when {@code inputFileBytes} is not a published number
 * @param batchShareOfOnline   a batch token's price as a share of the online price
 * @param priceBasisAssumed    true when the per-token batch prices are taken from the Gemini API's
 * @param limitsSources        where the limits were read (URL and date)
 * @param priceSources         where the prices were read (URL and date)
 */
public record VertexLimits(int concurrentJobs, int requestsPerJob, boolean requestsAssumed, long inputFileBytes,
                           boolean fileBytesAssumed, double batchShareOfOnline, boolean priceBasisAssumed,
                           List<String> limitsSources, List<String> priceSources) {
    private static final VertexLimits DEFAULTS = read(ModelCatalog.defaults());

    public VertexLimits {
        Checks.atLeast(concurrentJobs, 1, "concurrentJobs");
        Checks.atLeast(requestsPerJob, 1, "requestsPerJob");
        Checks.atLeast(inputFileBytes, 1, "inputFileBytes");
        limitsSources = List.copyOf(limitsSources);
        priceSources = List.copyOf(priceSources);
    }

    /** The catalogue's numbers. */
    public static VertexLimits defaults() {
        return DEFAULTS;
    }

    static VertexLimits read(ModelCatalog catalog) {
        JsonNode v = catalog.data().path("vertex");
        if (!v.isObject()) {
            throw new IllegalStateException(ModelCatalog.RESOURCE + " has no \"vertex\" section");
        }
        return new VertexLimits(v.path("concurrent_batch_jobs").asInt(8), v.path("requests_per_job").asInt(200_000),
                v.path("requests_per_job_assumed").asBoolean(true), v.path("input_file_bytes").asLong(1_000_000_000L),
                v.path("input_file_bytes_assumed").asBoolean(true), v.path("batch_price_share_of_online").asDouble(0.5),
                v.path("batch_price_basis_assumed").asBoolean(true), sources(catalog, v.path("limits_sources")),
                sources(catalog, v.path("price_sources")));
    }

    private static List<String> sources(ModelCatalog catalog, JsonNode keys) {
        List<String> out = new ArrayList<>();
        keys.forEach(k -> out.add(catalog.source(k.asText())));
        return out;
    }

    /** A copy with another concurrent-job limit (a project with a raised quota, or a test emulator). */
    public VertexLimits concurrentJobs(int jobs) {
        return new VertexLimits(jobs, requestsPerJob, requestsAssumed, inputFileBytes, fileBytesAssumed,
                batchShareOfOnline, priceBasisAssumed, limitsSources, priceSources);
    }

    /**
     * A copy with the {@code vertex} section of a JSON override file applied ({@code concurrent_batch_jobs},
     * {@code requests_per_job}, {@code input_file_bytes}); a number given there is the user's, not assumed.
     *
     * @throws IllegalArgumentException naming the file and field when a value is malformed
     */
    public VertexLimits withOverrides(java.nio.file.Path file) {
        RateCardFile f = RateCardFile.of(Checks.notNull(file, "file"));
        JsonNode v = f.root.path("vertex");
        long jobs = f.count(v, "vertex", "concurrent_batch_jobs", concurrentJobs, Integer.MAX_VALUE);
        long requests = f.count(v, "vertex", "requests_per_job", requestsPerJob, Integer.MAX_VALUE);
        long bytes = f.count(v, "vertex", "input_file_bytes", inputFileBytes, Long.MAX_VALUE);
        return new VertexLimits((int) Math.max(1, jobs), (int) Math.max(1, requests),
                requestsAssumed && !v.has("requests_per_job"), Math.max(1, bytes),
                fileBytesAssumed && !v.has("input_file_bytes"), batchShareOfOnline, priceBasisAssumed,
                v.isMissingNode() ? limitsSources : withFile(limitsSources, f.name), priceSources);
    }

    private static List<String> withFile(List<String> sources, String file) {
        List<String> out = new ArrayList<>(sources);
        out.add(file);
        return out;
    }

    /** The estimate's line on Vertex's limits. */
    public String limitsLine() {
        return String.format(Locale.ROOT, "Vertex AI: %d batch prediction jobs at once per project and region "
                        + "(later ones are queued), %,d requests%s and %s%s a job; no token, enqueued-token or spend "
                        + "quota (dynamic shared quota)", concurrentJobs, requestsPerJob,
                requestsAssumed ? " (assumed)" : "", Plan.bytes(inputFileBytes), fileBytesAssumed ? " (assumed)" : "");
    }

    /** The estimate's line on Vertex's prices. */
    public String pricesLine() {
        return String.format(Locale.ROOT, "Vertex AI batch = %.0f%% of Vertex's online price; per-token prices %s",
                batchShareOfOnline * 100, priceBasisAssumed ? "assumed equal to the Gemini API's batch prices"
                        : "from the catalogue");
    }

    /** Where the numbers come from, one source a line. */
    public List<String> sources() {
        List<String> all = new ArrayList<>(limitsSources);
        priceSources.stream().filter(s -> !all.contains(s)).forEach(all::add);
        return all;
    }
}
