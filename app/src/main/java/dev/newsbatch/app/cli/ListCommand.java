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
import picocli.CommandLine.Command;

/** {@code newsbatch list}: the jobs and runs recorded in the batch directory. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the jobs and runs recorded in the batch directory.",
                "List the batch jobs recorded in the batch directory (newest first), with their last known "
                + "state; real-time runs, which have no batch job, are listed by name. No call to Gemini."},
        footer = {"", "Example:", "  newsbatch list", "  newsbatch --dir /data/batches list --json"})
final class ListCommand extends BaseCommand {
    @Override
    public Integer call() {
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
