package dev.newsbatch.display;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsbatch.RunMode;
import dev.newsbatch.RunState;
import dev.newsbatch.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Golden output of the progress lines off a terminal, fed the snapshots a batch run reports: the
 * percentage follows the article counts, never goes back (a retry of failed articles sends some back
 * in flight), and a retry is shown as such while the job total stays put.
 */
class ProgressGoldenTest {
    private long now;

    private static RunStatus batch(RunState state, long done, long failed, long inFlight, int jobsDone,
                                   int running, int retries) {
        long articles = 3_000;
        return new RunStatus("october", RunMode.CONTINUOUS, state, articles, done, failed, inFlight, 3, jobsDone,
                running, retries, 100.0 * (done + failed) / articles, null, Instant.EPOCH);
    }

    @Test
    void aBatchRunWithARetry() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = ProgressBar.lines(new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> now);
        RunStatus[] snapshots = {
            batch(RunState.RUNNING, 0, 0, 2_000, 0, 2, 0),
            batch(RunState.RUNNING, 990, 10, 2_000, 1, 2, 0),
            batch(RunState.RUNNING, 2_960, 40, 0, 3, 0, 0),
            batch(RunState.RUNNING, 2_960, 0, 40, 3, 1, 1),      // the 40 failed articles are sent again
            batch(RunState.DONE, 2_998, 2, 0, 3, 0, 1),
        };
        for (RunStatus s : snapshots) {
            now += 20_000_000_000L;   // 20 s apart: every change is due
            bar.update(s.runId(), s.percent(), s.progress());
        }
        bar.finish();
        assertEquals("""
                october [..............................]   0.0% 0/3,000 done, 0 failed, 2,000 in flight, 1,000 pending; \
                jobs 0/3 done, 2 running
                october [##########....................]  33.3% 990/3,000 done, 10 failed, 2,000 in flight, 0 pending; \
                jobs 1/3 done, 2 running
                october [##############################] 100.0% 2,960/3,000 done, 40 failed, 0 in flight, 0 pending; \
                jobs 3/3 done
                october [##############################] 100.0% 2,960/3,000 done, 0 failed, 40 in flight, 0 pending; \
                jobs 3/3 done, 1 running, 1 retry
                october [##############################] 100.0% 2,998/3,000 done, 2 failed, 0 in flight, 0 pending; \
                jobs 3/3 done, 1 retry
                """, bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aRealTimeRunPausedByItsDailyCap() {
        RunStatus s = new RunStatus("daily", RunMode.REALTIME, RunState.PAUSED, 3_000, 1_000, 0, 0, 0, 0, 0, 0,
                100.0 / 3, Instant.parse("2026-12-02T08:00:00Z"), Instant.EPOCH);
        assertEquals("1,000/3,000 done, 0 failed, 2,000 pending; paused until 2026-12-02 08:00:00 UTC", s.progress());
        assertEquals("RunStatus[daily, PAUSED, 33.3%, done=1,000 failed=0 of 3,000, paused until "
                + "2026-12-02 08:00:00 UTC]", s.toString());
    }
}
