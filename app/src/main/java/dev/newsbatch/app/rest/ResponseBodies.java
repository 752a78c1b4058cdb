package dev.newsbatch.app.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.RunState;
import dev.newsbatch.BatchRun;
import dev.newsbatch.Format;
import dev.newsbatch.ItemError;
import dev.newsbatch.JobStatus;
import dev.newsbatch.Jobs;
import dev.newsbatch.Results;
import dev.newsbatch.Row;
import dev.newsbatch.RunStatus;
import dev.newsbatch.Summary;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON the API answers with, field for field as the original service named them
 * ({@code job_id}, {@code batch_name}, {@code url_count}, {@code status}, {@code message},
 * {@code state}, {@code completed_count}, {@code total_count}, {@code progress_percent},
 * {@code results}), plus {@code job_ids} because a large run has several jobs.
 *
 * <pre>{@code
 * ctx.json(ResponseBodies.status(jobs.status(jobId)));
 * }</pre>
 */
final class ResponseBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResponseBodies() {}

    /** After a submission; with {@code wait_for_completion}, also saves the results and adds their summary. */
    static ObjectNode submitted(BatchRun<?> run, Jobs ledger, Path dir, Submission s) {
        List<JobStatus> jobs = jobsOf(run.id(), ledger);
        ObjectNode n = JSON.createObjectNode();
        String first = jobs.isEmpty() ? null : jobs.get(0).jobId();
        n.put("job_id", first);
        ArrayNode ids = n.putArray("job_ids");
        jobs.forEach(j -> ids.add(j.jobId()));
        n.put("batch_name", run.id());
        n.put("url_count", s.count());
        RunStatus state = run.state();
        if (!s.waitForCompletion()) {
            n.put("status", "SUBMITTED");
            n.put("message", first == null ? "Nothing to submit: every item failed before submission; see errors"
                    : "Batch submitted. Use GET /batch/status/" + first + " to check progress");
            errors(n, state.failed() == 0 ? List.of() : run.collect().errors());
            return n;
        }
        Results<?> results = run.collect();
        results.save(dir);
        boolean complete = state.isFinished() && state.state() != RunState.CANCELLED;
        n.put("status", complete ? "COMPLETED" : "INCOMPLETE");
        n.put("message", complete ? "Batch completed. Use GET /batch/results/" + first + "/" + run.id() + " to retrieve"
                : "Batch not finished (" + Format.state(state.state()) + "). Use GET /batch/status/" + first + " to check progress");
        n.set("summary", summary(results));
        errors(n, results.errors());
        return n;
    }

    static ObjectNode status(JobStatus s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("job_id", s.jobId());
        n.put("state", Format.state(s.state()));
        n.put("completed_count", Math.max(0, s.completed()));
        n.put("total_count", Math.max(0, s.requests()));
        n.put("progress_percent", Math.round(Math.max(0, s.percent()) * 100.0) / 100.0);
        n.put("batch_name", s.runId());
        n.put("created", Format.timeJson(s.createdAt()));
        n.put("updated", Format.timeJson(s.updatedAt()));
        n.put("error", s.error());
        return n;
    }

    static ObjectNode results(String jobId, String batchName, Results<?> r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("job_id", jobId);
        n.put("batch_name", batchName);
        return rows(n, r);
    }

    static ObjectNode runResults(RunStatus state, Results<?> r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("batch_name", state.runId());
        n.put("state", dev.newsbatch.Format.state(state.state()));
        n.put("articles", state.articles());
        n.put("pending", Math.max(0, state.articles() - state.done() - state.failed()));
        return rows(n, r);
    }

    /** {@code n} with the rows, their count, the errors and the summary of {@code r}. */
    private static ObjectNode rows(ObjectNode n, Results<?> r) {
        ArrayNode rows = n.putArray("results");
        for (Row<?> row : r.rows()) {
            ObjectNode o = rows.addObject().put("id", row.id()).put("title", row.title());
            o.setAll((ObjectNode) JSON.valueToTree(row.value()));
        }
        n.put("total_count", r.size());
        errors(n, r.errors());
        n.set("summary", summary(r));
        return n;
    }

    static ObjectNode retried(RunStatus state, int queued) {
        ObjectNode n = JSON.createObjectNode();
        n.put("batch_name", state.runId());
        n.put("queued", queued);
        n.put("state", state.state().name());
        n.put("message", queued == 0 ? "Nothing to retry: no failed article of this run can pass on another try"
                : queued + " failed articles sent again. Use GET /batch/runs/" + state.runId()
                + "/results for the results");
        return n;
    }

    /** The answer of {@code POST /batch/runs/{name}/results/bigquery}. */
    static ObjectNode exported(RunStatus state, String table, long rows) {
        ObjectNode n = JSON.createObjectNode();
        n.put("batch_name", state.runId());
        n.put("state", state.state().name());
        n.put("table", table);
        n.put("rows", rows);
        n.put("message", rows + " classified article" + (rows == 1 ? "" : "s") + " written to " + table
                + (state.isFinished() ? "" : "; the run is not finished, write again when it is"));
        return n;
    }

    static ObjectNode jobs(List<JobStatus> jobs) {
        ObjectNode n = JSON.createObjectNode();
        ArrayNode list = n.putArray("jobs");
        jobs.forEach(j -> list.add(status(j)));
        n.put("total", jobs.size());
        return n;
    }

    static ObjectNode health(String connection) {
        return JSON.createObjectNode().put("status", "healthy").put("service", "newsbatch").put("gemini", connection);
    }

    /**
     * The news summary for the news schema; for another schema the counts, {@code field_counts} (the
     * values of each field with allowed values) and the usage.
     */
    private static JsonNode summary(Results<?> r) {
        if (r.schema().type() == NewsClassification.class) {
            return summary(r.summary());
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("articles", r.size() + r.errors().size()).put("classified", r.size()).put("failed", r.errors().size());
        ObjectNode fields = n.putObject("field_counts");
        r.enumCounts().forEach((field, counts) -> {
            ObjectNode f = fields.putObject(field);
            counts.forEach(c -> f.put(c.name(), c.count()));
        });
        usage(n, r.usage());
        return n;
    }

    private static void usage(ObjectNode n, dev.newsbatch.Usage u) {
        n.putObject("usage").put("input_tokens", u.inputTokens()).put("output_tokens", u.outputTokens())
                .put("thinking_tokens", u.thinkingTokens()).put("cost_usd", Format.usdJson(u.costUsd()));
    }

    private static JsonNode summary(Summary s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("articles", s.articles()).put("classified", s.classified()).put("failed", s.failed())
                .put("financial", s.financial());
        ObjectNode sentiment = n.putObject("sentiment");
        s.sentiment().forEach(sentiment::put);
        ObjectNode companies = n.putObject("top_companies");
        s.topCompanies().forEach(c -> companies.put(c.name(), c.count()));
        usage(n, s.usage());
        return n;
    }

    /** {@code errors: [{id, url, kind, message}]}: articles that failed, e.g. pages that could not be fetched. */
    private static void errors(ObjectNode n, List<ItemError> errors) {
        ArrayNode list = n.putArray("errors");
        for (ItemError e : errors) {
            list.addObject().put("id", e.id()).put("url", e.url()).put("kind", e.kind().name())
                    .put("message", e.message());
        }
    }

    /** The run's jobs, oldest first. */
    static List<JobStatus> jobsOf(String runId, Jobs ledger) {
        return ledger.ofRun(runId);
    }
}
