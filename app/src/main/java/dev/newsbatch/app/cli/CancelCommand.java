package dev.newsbatch.app.cli;

import dev.newsbatch.Format;
import dev.newsbatch.JobStatus;
import dev.newsbatch.Jobs;
import dev.newsbatch.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsbatch cancel JOB_ID}: cancel a batch job, or every job of a run given by name. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Cancel a batch job, or every job of a run.",
                "Cancel a batch job at Gemini (batches/...), or every job of a run given by name "
                + "(the run then admits no new jobs). Results already finished are kept."},
        footer = {"", "Examples:", "  newsbatch cancel batches/abc123", "  newsbatch cancel demo"})
final class CancelCommand extends BaseCommand {
    @Mixin
    JobOrRun target;

    @Override
    public Integer call() {
        if (target.isJob()) {
            JobStatus s = Jobs.cancel(target.id, dir());
            if (json()) {
                printJson(JsonViews.job(s));
            } else {
                println("Cancel requested for " + s.jobId() + "; state now " + Format.state(s.state()));
            }
            return ExitCode.OK;
        }
        RunStatus s = target.run(dir()).cancel();
        if (json()) {
            printJson(JsonViews.run(s));
        } else {
            println("Run " + s.runId() + " cancelled; state now " + Format.state(s.state()) + " ("
                    + Format.count(s.done()) + " of " + Format.count(s.articles()) + " done)");
        }
        return ExitCode.OK;
    }
}
