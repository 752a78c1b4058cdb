package dev.newsbatch.app.cli;

import dev.newsbatch.Format;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.Batches;
import dev.newsbatch.JobStatus;
import dev.newsbatch.Jobs;
import dev.newsbatch.display.TextTable;
import dev.newsbatch.RunInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import dev.newsbatch.Results;
import dev.newsbatch.RunStatus;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsbatch list}: the jobs and runs recorded in the batch directory. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the runs (or jobs) recorded in the batch directory.",
                "List the runs recorded in the batch directory, newest first: name, mode, model, articles done, "
                + "failed and pending, state, cost so far and when it was created. With --jobs, one row per batch "
                + "job with its last known state instead (real-time runs, which have no job, by name). "
                + "No call to Gemini."},
        footer = {"", "Examples:", "  newsbatch list", "  newsbatch list --jobs",
                "  newsbatch --dir /data/batches list --json"})
final class ListCommand extends BaseCommand {
    @Option(names = "--jobs", description = "One row per batch job instead of one per run.")
    boolean jobRows;

    @Override
    public Integer call() {
        return jobRows ? listJobs() : listRuns();
    }

    private int listRuns() {
        List<RunInfo> runs = Batches.runs(dir());
        List<RunRow> rows = runs.stream().map(this::row).toList();
        if (json()) {
            ObjectNode n = Output.object();
            ArrayNode list = n.putArray("runs");
            for (RunRow r : rows) {
                ObjectNode o = list.addObject();
                o.put("run_id", r.info.runId()).put("mode", mode(r.info)).put("model", r.info.model());
                o.put("articles", r.status.articles()).put("done", r.status.done()).put("failed", r.status.failed())
                        .put("pending", r.pending()).put("state", Format.state(r.status.state()));
                o.put("cost_usd", Format.usdJson(r.costUsd));
                o.put("created", Format.timeJson(r.info.createdAt()));
            }
            n.put("total", rows.size());
            printJson(n);
            return ExitCode.OK;
        }
        if (rows.isEmpty()) {
            println("No runs in " + dir()
                    + " yet. Try: newsbatch submit-contents samples/batch_contents.json --name demo");
            return ExitCode.OK;
        }
        List<List<String>> cells = new ArrayList<>();
        for (RunRow r : rows) {
            cells.add(List.of(r.info.runId(), mode(r.info), r.info.model(), Format.count(r.status.done()),
                    Format.count(r.status.failed()), Format.count(r.pending()), Format.state(r.status.state()),
                    Double.isNaN(r.costUsd) ? "" : Format.usd(r.costUsd), Format.minute(r.info.createdAt())));
        }
        String table = TextTable.of(List.of("name", "mode", "model", "done", "failed", "pending", "state", "cost",
                "created (UTC)")).maxRows(1000).maxWidth(40).render(cells, cells.size()).strip();
        println(table.substring(0, Math.max(0, table.lastIndexOf('\n'))));
        return ExitCode.OK;
    }

    /** A run with its ledger snapshot and the cost of what it has classified so far. */
    private record RunRow(RunInfo info, RunStatus status, double costUsd) {
        long pending() {
            return Math.max(0, status.articles() - status.done() - status.failed());
        }
    }

    private RunRow row(RunInfo info) {
        var run = Batches.resumeRecorded(info.runId(), dir());
        Results<?> results = run.collect();
        return new RunRow(info, run.state(), results.usage().costUsd());
    }

    private static String mode(RunInfo r) {
        return r.mode().name().toLowerCase(Locale.ROOT);
    }

    private int listJobs() {
        List<JobStatus> jobs = Jobs.list(dir());
        Set<String> withJobs = new HashSet<>();
        jobs.forEach(j -> withJobs.add(j.runId()));
        List<RunInfo> jobless = Batches.runs(dir()).stream().filter(r -> !withJobs.contains(r.runId())).toList();
        if (json()) {
            ObjectNode n = Output.object();
            ArrayNode list = n.putArray("jobs");
            jobs.forEach(j -> list.add(JsonViews.job(j)));
            ArrayNode runs = n.putArray("runs_without_jobs");
            jobless.forEach(r -> runs.addObject().put("run_id", r.runId()).put("mode", r.mode().name().toLowerCase(java.util.Locale.ROOT))
                    .put("state", r.state()).put("created", Format.timeJson(r.createdAt())));
            n.put("total", jobs.size());
            printJson(n);
            return ExitCode.OK;
        }
        if (jobs.isEmpty() && jobless.isEmpty()) {
            println("No jobs in " + dir()
                    + " yet. Try: newsbatch submit-contents samples/batch_contents.json --name demo");
            return ExitCode.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JobStatus j : jobs) {
            rows.add(List.of(j.runId() == null ? "" : j.runId(), j.jobId(), Format.state(j.state()),
                    Format.count(j.requests()), Format.time(j.createdAt())));
        }
        for (RunInfo r : jobless) {
            rows.add(List.of(r.runId(), "(" + r.mode().name().toLowerCase(java.util.Locale.ROOT) + ")", r.state(), "", Format.time(r.createdAt())));
        }
        String table = TextTable.of(List.of("name", "job id", "state", "requests", "submitted")).maxRows(1000)
                .maxWidth(64).render(rows, rows.size()).strip();
        println(table.substring(0, Math.max(0, table.lastIndexOf('\n'))));
        return ExitCode.OK;
    }
}
