package dev.newsbatch.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.RunState;
import dev.newsbatch.BatchRun;
import dev.newsbatch.Format;
import dev.newsbatch.ItemError;
import dev.newsbatch.JobStatus;
import dev.newsbatch.Jobs;
import dev.newsbatch.Results;
import dev.newsbatch.RunStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the submitting commands print: the jobs of a submitted run and what to run next, or, after
 * waiting, where the results were saved and their summary.
 *
 * <pre>{@code
 * return new RunReport(this).submitted(spec.submit(), wait);
 * }</pre>
 */
final class RunReport {
    private final BaseCommand command;

    RunReport(BaseCommand command) {
        this.command = command;
    }

    /** Reports a submitted run; with {@code wait}, awaits it, saves its results and prints the summary. */
    int submitted(BatchRun<?> run, boolean wait) {
        List<JobStatus> jobs = jobsOf(run.id());
        if (!wait) {
            RunStatus state = run.state();
            List<ItemError> unsent = unsent(run, state);
            if (command.json()) {
                ObjectNode n = submittedJson(run, state, jobs, "SUBMITTED");
                ArrayNode errors = n.putArray("errors");
                unsent.forEach(e -> errors.add(JsonViews.error(e)));
                command.printJson(n);
            } else {
                printSubmitted(run, state, jobs);
                printErrors(unsent, "Not submitted");
            }
            return unsent.isEmpty() ? ExitCode.OK : ExitCode.FAILED;
        }
        if (!command.json()) {
            printSubmitted(run, run.state(), jobs);
        }
        await(run, "Waiting for run " + run.id() + " to finish (Ctrl-C to stop waiting; the jobs keep running)...");
        return finished(run);
    }

    /**
     * Waits for the run to finish: with the console progress bar for text output; with {@code --json},
     * one line on standard error per change instead, so that standard output stays one JSON document.
     */
    void await(BatchRun<?> run) {
        await(run, null);
    }

    /** Like {@link #await(BatchRun)}, first saying {@code announce} in text output once Ctrl-C would print the hint. */
    private void await(BatchRun<?> run, String announce) {
        try (ResumeHint hint = ResumeHint.install(command.originalArgs(), run.id(), System.err)) {
            if (announce != null && !command.json()) {
                command.println("");
                command.println(announce);
            }
            if (!command.json()) {
                run.await();
                return;
            }
            PrintWriter err = command.err();
            long[] lastSeen = {-1};
            run.await(run.spec().deadline(), s -> {
                if (s.done() + s.failed() != lastSeen[0]) {
                    lastSeen[0] = s.done() + s.failed();
                    err.println(progressLine(s));
                    err.flush();
                }
            });
        }
    }

    /** One {@code --json} progress line on standard error: run, state, percentage and counts. */
    static String progressLine(RunStatus s) {
        return "progress: run " + s.runId() + " " + Format.state(s.state()) + " " + Format.percent(s.percent())
                + " (" + s.progress() + ")";
    }

    /** Reports a run that has been awaited: saves {@code results_<run>.json} and prints the summary. */
    int finished(BatchRun<?> run) {
        RunStatus state = run.state();
        Results<?> results = run.collect();
        Path file = results.save(command.dir());
        boolean complete = state.isFinished() && state.state() != RunState.CANCELLED;
        if (command.json()) {
            ObjectNode n = submittedJson(run, state, jobsOf(run.id()), complete ? "COMPLETED" : "INCOMPLETE");
            n.put("results_file", file.toString());
            n.set("summary", ResultsSummary.json(results));
            command.printJson(n);
        } else {
            command.println("Run " + run.id() + " " + (complete ? "finished" : "stopped (" + Format.state(state.state())
                    + ")") + ": " + Format.count(state.done()) + " of " + Format.plural(state.articles(), "article")
                    + " classified, " + Format.count(state.failed()) + " failed");
            command.println("Results saved to " + file);
            command.println("");
            command.println(ResultsSummary.render(results));
            printErrors(results.errors(), "Failed articles");
            if (!complete) {
                command.println("Run the same command again to continue where it stopped.");
            }
        }
        return complete && results.errors().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }

    /** Articles that failed before any job was sent, e.g. pages that could not be fetched. */
    private static List<ItemError> unsent(BatchRun<?> run, RunStatus state) {
        return state.failed() == 0 ? List.of() : run.collect().errors();
    }

    private void printErrors(List<ItemError> errors, String heading) {
        if (errors.isEmpty()) {
            return;
        }
        command.println("");
        command.println(heading + ": " + Format.count(errors.size()) + (errors.size() > 5 ? " (first 5)" : ""));
        errors.stream().limit(5).forEach(e -> command.println("  " + (e.url() == null ? e.id() : e.url()) + ": "
                + e.kind() + " " + e.message()));
    }

    /** The run's jobs, oldest first. */
    private List<JobStatus> jobsOf(String runId) {
        try (Jobs jobs = Jobs.open(command.dir())) {
            return jobs.ofRun(runId);
        }
    }

    private ObjectNode submittedJson(BatchRun<?> run, RunStatus state, List<JobStatus> jobs, String status) {
        ObjectNode n = Output.object();
        n.put("batch_name", run.id());
        n.put("status", status);
        n.put("mode", run.spec().mode().name().toLowerCase(Locale.ROOT));
        n.put("articles", state.articles());
        n.put("job_id", jobs.isEmpty() ? null : jobs.get(0).jobId());
        ArrayNode ids = n.putArray("job_ids");
        ArrayNode list = n.putArray("jobs");
        for (JobStatus j : jobs) {
            ids.add(j.jobId());
            list.add(JsonViews.job(j));
        }
        n.set("run", JsonViews.run(state));
        return n;
    }

    private void printSubmitted(BatchRun<?> run, RunStatus state, List<JobStatus> jobs) {
        String mode = run.spec().mode().name().toLowerCase(Locale.ROOT);
        command.println("Run " + run.id() + ": " + Format.plural(state.articles(), "article") + ", "
                + Format.plural(jobs.size(), "batch job") + " (" + run.spec().model() + ", " + mode + " mode)");
        for (JobStatus j : jobs) {
            command.println("  " + j.jobId() + "  " + Format.state(j.state()) + "  " + Format.plural(j.requests(),
                    "request"));
        }
        if (jobs.isEmpty()) {
            return;
        }
        String first = jobs.get(0).jobId();
        command.println("Next:");
        command.println("  newsbatch status " + first + "   (check progress)");
        command.println("  newsbatch results " + first + " " + run.id() + "   (when it has succeeded)");
    }
}
