package dev.newsbatch.app.cli;

import dev.newsbatch.Format;
import dev.newsbatch.JobState;
import dev.newsbatch.JobStatus;
import dev.newsbatch.Jobs;
import dev.newsbatch.RunStatus;
import dev.newsbatch.display.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsbatch status JOB_ID}: the state of a batch job (or of a whole run, by name). */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the state of a batch job, or of a run by name.",
                "Ask Gemini for the state of a batch job (batches/...), or of every job of a run given by name."},
        footer = {"", "Examples:", "  newsbatch status batches/abc123", "  newsbatch status demo --json"})
final class StatusCommand extends BaseCommand {
    @Mixin
    JobOrRun target;

    @Override
    public Integer call() {
        if (!target.isJob()) {
            return runStatus();
        }
        JobStatus s = Jobs.status(target.id, dir());
        if (json()) {
            printJson(JsonViews.job(s));
        } else {
            println("Job:      " + s.jobId() + (s.runId() == null ? "" : "   (run " + s.runId() + ")"));
            println("State:    " + Format.state(s.state()));
            println("Progress: " + ProgressBar.render(Math.max(0, s.percent())) + "  "
                    + Format.count(Math.max(0, s.completed())) + "/" + Format.plural(s.requests(), "request"));
            println("Created:  " + Format.time(s.createdAt()) + "   updated: " + Format.time(s.updatedAt()));
            if (s.error() != null) {
                println("Error:    " + s.error());
            }
            if (s.state() == JobState.SUCCEEDED && s.runId() != null) {
                println("Next:     newsbatch results " + s.jobId() + " " + s.runId());
            } else if (!s.state().isTerminal()) {
                println("Next:     newsbatch status " + s.jobId() + "   (again later)");
            }
        }
        return s.state() == JobState.FAILED || s.state() == JobState.EXPIRED ? ExitCode.FAILED : ExitCode.OK;
    }

    private int runStatus() {
        RunStatus s = target.run(dir()).status();
        if (json()) {
            printJson(JsonViews.run(s));
        } else {
            println("Run:      " + s.runId() + " (" + s.mode().name().toLowerCase(java.util.Locale.ROOT) + ")");
            println("State:    " + Format.state(s.state()) + (s.pausedUntil() == null ? ""
                    : " until " + Format.time(s.pausedUntil()) + " (daily cap reached)"));
            println("Progress: " + ProgressBar.render(s.percent()) + "  " + s.progress());
            if (!s.isFinished()) {
                println("Next:     newsbatch status " + s.runId() + "   (again later)");
            }
        }
        return s.failed() > 0 ? ExitCode.FAILED : ExitCode.OK;
    }
}
