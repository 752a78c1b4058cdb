package dev.newsbatch.app.cli;

import dev.newsbatch.Batches;
import dev.newsbatch.RunInfo;
import java.nio.file.Path;
import java.util.List;

/** Checks a run name given where a job id or a run name is accepted. */
final class RunNames {
    private RunNames() {}

    /**
     * {@code name}, if the batch directory has a run of that name.
     *
     * @throws IllegalArgumentException naming the known runs otherwise
     */
    static String known(Path dir, String name) {
        List<String> runs = Batches.runs(dir).stream().map(RunInfo::runId).toList();
        if (!runs.contains(name)) {
            throw new IllegalArgumentException("no job or run named \"" + name + "\" in " + dir + " (job ids look like "
                    + "batches/<id>; runs: " + (runs.isEmpty() ? "none yet" : String.join(", ", runs.subList(0,
                    Math.min(10, runs.size())))) + ")");
        }
        return name;
    }
}
