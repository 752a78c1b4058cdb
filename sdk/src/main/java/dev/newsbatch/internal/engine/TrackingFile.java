package dev.newsbatch.internal.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.JobState;
import dev.newsbatch.internal.AtomicFile;
import dev.newsbatch.internal.plan.AdmissionPolicy;
import dev.newsbatch.internal.plan.JobLoad;
import dev.newsbatch.internal.store.ItemCounts;
import dev.newsbatch.internal.store.JobRecord;
import dev.newsbatch.internal.store.Ledger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes {@code job_tracking.json} in the batch directory: for one run, its waves (or jobs), each job's
 * Gemini id, state and size, and the article counts, as the original large-batch script kept them. The
 * ledger stays the source of truth; this file is rebuilt from it after every pass, atomically, so a
 * person or another tool can follow a long run with {@code cat}.
 *
 * <pre>{@code
 * TrackingFile.write(ledger, Path.of("batch_jobs"), "october", 2_700_000);
 * }</pre>
 */
public final class TrackingFile {
    /** The file name, in the batch directory. */
    public static final String NAME = "job_tracking.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrackingFile() {}

    /**
     * Rewrites the tracking file for {@code runId}.
     *
     * @param waveBudget the token budget of a wave for a waves run, or 0 to list the jobs without waves
     * @return the file written
     */
    public static Path write(Ledger ledger, Path batchDir, String runId, long waveBudget) {
        List<JobRecord> jobs = ledger.jobs(runId);
        ItemCounts items = ledger.itemCounts(runId);
        ObjectNode root = JSON.createObjectNode();
        root.put("run", runId);
        ledger.run(runId).ifPresent(r -> root.put("mode", r.mode()).put("model", r.model()).put("state", r.state().name())
                .put("created", r.createdAt().toString()));
        root.put("updated", Instant.now().toString());
        root.put("total_articles", items.total());
        root.put("completed_articles", items.done());
        root.put("failed_articles", items.failed());
        root.put("in_flight_articles", items.submitted() + items.pending());
        if (waveBudget > 0) {
            root.put("wave_token_budget", waveBudget);
            ArrayNode waves = root.putArray("waves");
            int n = 1;
            List<JobLoad> loads = jobs.stream().map(j -> new JobLoad(j.estTokens(), 0, JobLoad.Phase.WAITING)).toList();
            for (List<Integer> indices : AdmissionPolicy.group(loads, waveBudget)) {
                List<JobRecord> wave = indices.stream().map(jobs::get).toList();
                ObjectNode w = waves.addObject();
                w.put("wave", n++);
                w.put("articles", wave.stream().mapToLong(JobRecord::items).sum());
                w.put("status", wave.stream().allMatch(JobRecord::isSettled) ? "completed"
                        : wave.stream().anyMatch(j -> j.jobName() != null) ? "running" : "pending");
                jobs(w.putArray("jobs"), wave);
            }
        } else {
            jobs(root.putArray("jobs"), jobs);
        }
        return AtomicFile.write(batchDir.resolve(NAME), out -> JSON.writeValue(out, root));
    }

    private static void jobs(ArrayNode out, List<JobRecord> jobs) {
        for (JobRecord j : jobs) {
            ObjectNode o = out.addObject();
            o.put("batch", j.chunk());
            o.put("attempt", j.attempt());
            o.put("job_id", j.jobName());
            o.put("state", j.jobName() == null ? "NOT_SUBMITTED" : JobState.fromWire(j.jobState()).name());
            o.put("requests", j.items());
            o.put("estimated_tokens", j.estTokens());
            o.put("request_file", j.requestFile());
            if (j.resultFile() != null) {
                o.put("results_file", j.resultFile());
            }
        }
    }

}
