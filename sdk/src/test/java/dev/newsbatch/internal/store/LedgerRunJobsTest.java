package dev.newsbatch.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsbatch.RunConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Ledger#jobsOldestFirst}: one run's jobs, in the reverse of {@link Ledger#allJobs()}'s order. */
class LedgerRunJobsTest {
    @TempDir
    Path dir;

    @Test
    void aRunsJobsAreAllJobsOfThatRunReversedAndNoOtherRunsJobs() {
        try (Ledger ledger = Ledger.open(dir)) {
            for (String run : List.of("north", "south")) {
                ledger.createRun(run, RunConfig.ofDefaults(dir).withName(run));
            }
            // interleaved, with a second attempt of chunk 0 after chunk 1, as a resubmission makes it
            String[][] order = {{"north", "0", "0"}, {"south", "0", "0"}, {"north", "1", "0"}, {"south", "1", "0"},
                    {"north", "0", "1"}, {"north", "2", "0"}};
            for (String[] j : order) {
                ledger.addJob(JobRecord.prepared(j[0], Integer.parseInt(j[1]), Integer.parseInt(j[2]),
                        "req-" + String.join("-", j) + ".jsonl", "file-" + String.join("-", j), "d-" + String.join("-", j), 1, 10), List.of());
            }

            List<String> north = keys(ledger.jobsOldestFirst("north"));
            List<String> expected = new ArrayList<>(keys(ledger.allJobs().stream()
                    .filter(r -> r.runId().equals("north")).toList()));
            Collections.reverse(expected);
            assertEquals(expected, north);
            assertEquals(4, north.size(), "north's jobs: " + north);
            assertEquals(List.of("south/0/0", "south/1/0").stream().sorted().toList(),
                    keys(ledger.jobsOldestFirst("south")).stream().sorted().toList());
            assertEquals(List.of(), ledger.jobsOldestFirst("east"));
        }
    }

    private static List<String> keys(List<JobRecord> jobs) {
        return jobs.stream().map(j -> j.runId() + "/" + j.chunk() + "/" + j.attempt()).toList();
    }
}
