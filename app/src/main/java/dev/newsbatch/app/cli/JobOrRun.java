package dev.newsbatch.app.cli;

import dev.newsbatch.BatchRun;
import dev.newsbatch.Batches;
import dev.newsbatch.RunInfo;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Parameters;

/**
 * The JOB_ID argument of the commands that take a batch job or a whole run: {@code batches/...} is a
 * job at Gemini, anything else the name of a run recorded in the batch directory.
 *
 * <pre>{@code
 * @Mixin JobOrRun target;   // JOB_ID
 * if (target.isJob()) Jobs.cancel(target.id, dir()); else target.run(dir()).cancel();
 * }</pre>
 */
final class JobOrRun {
    @Parameters(index = "0", paramLabel = "JOB_ID", description = "A job id (batches/...) or a run name.")
    String id;

    /** True for a batch job id ({@code batches/...}), false for a run name. */
    boolean isJob() {
        return id.startsWith("batches/");
    }

    /**
     * The run of that name, re-attached from the batch directory with the schema recorded with it.
     *
     * @throws IllegalArgumentException naming the known runs if the directory has no run of that name
     */
    BatchRun<? extends Record> run(Path dir) {
        List<String> runs = Batches.runs(dir).stream().map(RunInfo::runId).toList();
        if (!runs.contains(id)) {
            throw new IllegalArgumentException("no job or run named \"" + id + "\" in " + dir + " (job ids look like "
                    + "batches/<id>; runs: " + (runs.isEmpty() ? "none yet" : String.join(", ", runs.subList(0,
                    Math.min(10, runs.size())))) + ")");
        }
        return Batches.resumeRecorded(id, dir);
    }
}
