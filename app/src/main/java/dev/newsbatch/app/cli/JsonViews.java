package dev.newsbatch.app.cli;

import dev.newsbatch.Format;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.Count;
import dev.newsbatch.ItemError;
import dev.newsbatch.JobStatus;
import dev.newsbatch.Results;
import dev.newsbatch.Row;
import dev.newsbatch.RunStatus;
import dev.newsbatch.Summary;
import java.time.Instant;

/** The JSON shapes of {@code --json} output, with snake_case names as the REST API uses. */
final class JsonViews {
    private JsonViews() {}

    static ObjectNode job(JobStatus j) {
        ObjectNode n = Output.object();
        n.put("job_id", j.jobId());
        n.put("run_id", j.runId());
        n.put("state", Format.state(j.state()));
        n.put("requests", j.requests());
        n.put("completed", j.completed());
        n.put("progress_percent", round(j.percent()));
        n.put("created", time(j.createdAt()));
        n.put("updated", time(j.updatedAt()));
        n.put("error", j.error());
        return n;
    }

    static ObjectNode run(RunStatus s) {
        ObjectNode n = Output.object();
        n.put("run_id", s.runId());
        n.put("mode", s.mode().name().toLowerCase(java.util.Locale.ROOT));
        n.put("state", Format.state(s.state()));
        n.put("articles", s.articles());
        n.put("done", s.done());
        n.put("failed", s.failed());
        n.put("in_flight", s.inFlight());
        n.put("jobs", s.jobs());
        n.put("jobs_done", s.jobsDone());
        n.put("jobs_running", s.jobsRunning());
        n.put("retries", s.retries());
        n.put("pending", s.pending());
        n.put("paused_until", Format.timeJson(s.pausedUntil()));
        n.put("progress_percent", round(s.percent()));
        return n;
    }

    static ObjectNode summary(Summary s) {
        ObjectNode n = Output.object();
        n.put("articles", s.articles());
        n.put("classified", s.classified());
        n.put("failed", s.failed());
        n.put("financial", s.financial());
        ObjectNode sentiment = n.putObject("sentiment");
        s.sentiment().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> sentiment.put(e.getKey(), e.getValue()));
        ObjectNode companies = n.putObject("top_companies");
        s.topCompanies().forEach((Count c) -> companies.put(c.name(), c.count()));
        ObjectNode usage = n.putObject("usage");
        usage.put("input_tokens", s.usage().inputTokens());
        usage.put("output_tokens", s.usage().outputTokens());
        usage.put("thinking_tokens", s.usage().thinkingTokens());
        usage.put("cost_usd", Format.usdJson(s.usage().costUsd()));
        return n;
    }

    static ObjectNode row(Row<?> r) {
        ObjectNode n = Output.object();
        n.put("id", r.id());
        n.put("title", r.title());
        if (r.url() != null) {
            n.put("url", r.url());
        }
        JsonNode value = Output.JSON.valueToTree(r.value());
        if (value.isObject()) {
            n.setAll((ObjectNode) value);
        }
        return n;
    }

    static ObjectNode error(ItemError e) {
        ObjectNode n = Output.object();
        n.put("id", e.id());
        n.put("url", e.url());
        n.put("kind", e.kind().name());
        n.put("message", e.message());
        return n;
    }

    static ObjectNode preview(Results<?> results, int n) {
        ObjectNode node = Output.object();
        results.rows().stream().limit(n).forEach(r -> node.withArray("preview").add(row(r)));
        return node;
    }

    static String time(Instant t) {
        return Format.timeJson(t);
    }

    static double round(double percent) {
        return Math.round(percent * 100.0) / 100.0;
    }
}
