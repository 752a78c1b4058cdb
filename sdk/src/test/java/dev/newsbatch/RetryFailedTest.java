package dev.newsbatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsbatch.emulator.Faults;
import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.internal.gemini.LocalEmulator;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BatchRun#retryFailed()}: a finished run's failed articles, sent once more past the attempt limit. */
class RetryFailedTest {
    @TempDir
    Path tmp;

    @Test
    void aFinishedRunsFailedArticlesAreSentOnceMoreAndTheOthersAreNot() throws Exception {
        try (LocalEmulator local = LocalEmulator.start(tmp.resolve("emulator"), Duration.ZERO)) {
            Path dir = Files.createDirectories(tmp.resolve("batch"));
            local.emulator().faults(Faults.none().itemErrorRate(1.0));
            BatchRun<NewsClassification> run = Batches.from(SampleArticles.of(4)).name("again").directory(dir)
                    .maxAttempts(2).pollInterval(Duration.ofMillis(20)).submit().await();
            assertEquals(4, run.state().failed(), run.state().toString());
            assertEquals(RunState.DONE, run.state().state());

            local.emulator().faults(Faults.none());
            assertEquals(4, run.retryFailed());
            run.await();
            assertEquals(4, run.state().done(), run.state().toString());
            assertEquals(0, run.collect().errors().size());
            assertEquals(0, run.retryFailed(), "nothing left to retry; classified articles are not resent");

            BatchRun<NewsClassification> realtime = Batches.from(SampleArticles.of(2)).name("rt").directory(dir)
                    .realtime().submit().await();
            assertEquals(0, realtime.retryFailed());
        }
    }
}
