package dev.newsbatch.app.cli;

import dev.newsbatch.Format;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.BatchRun;
import dev.newsbatch.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbatch retry RUN [--wait]}: sends the failed articles of a run once more. */
@Command(name = "retry", mixinStandardHelpOptions = true,
        description = {"Send the failed articles of a run once more.",
                "Queue again the articles of a run that failed with an error another try may clear (service "
                + "errors, cut or unreadable answers; not safety blocks or bad input), whatever their attempt "
                + "count, and send them in the run's mode. Classified articles are not sent again."},
        footer = {"", "Examples:", "  newsbatch retry demo --wait", "  newsbatch retry demo --json"})
final class RetryCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "RUN", description = "The run's name (see `newsbatch list`).")
    String runName;

    @Option(names = "--wait", description = "Wait for the retried articles, save results_RUN.json, print a summary.")
    boolean wait;

    @Override
    public Integer call() {
        JobOrRun target = new JobOrRun();
        target.id = runName;
        if (target.isJob()) {
            throw new IllegalArgumentException("retry takes a run's name, not a job id (" + runName
                    + "); `newsbatch status " + runName + "` names its run");
        }
        BatchRun<?> run = target.run(dir());
        RunStatus before = run.state();
        int queued = run.retryFailed();
        if (queued == 0) {
            String why = before.failed() == 0 ? "it has no failed articles"
                    : before.state() == dev.newsbatch.RunState.CANCELLED ? "it was cancelled"
                    : "none of its " + before.failed() + " failed articles can pass on another try";
            if (json()) {
                ObjectNode n = Output.object().put("run_id", run.id()).put("queued", 0).put("reason", why);
                n.set("run", JsonViews.run(before));
                printJson(n);
            } else {
                println("Nothing to retry in run " + run.id() + ": " + why + ".");
            }
            return before.failed() == 0 ? ExitCode.OK : ExitCode.FAILED;
        }
        if (!json()) {
            println("Run " + run.id() + ": " + Format.plural(queued, "failed article") + " queued again");
        }
        RunReport report = new RunReport(this);
        if (wait || !run.spec().mode().isBatch()) {
            report.await(run);
            return report.finished(run);
        }
        RunStatus now = run.state();
        if (json()) {
            ObjectNode n = Output.object().put("run_id", run.id()).put("queued", queued);
            n.set("run", JsonViews.run(now));
            printJson(n);
        } else {
            println("Next:     newsbatch status " + run.id() + "   (check progress)");
            println("          newsbatch results " + run.id() + "   (when it is done)");
        }
        return ExitCode.OK;
    }
}
