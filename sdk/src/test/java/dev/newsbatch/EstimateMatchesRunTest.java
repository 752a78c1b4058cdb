package dev.newsbatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.schema.NewsClassification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estimate's batches are the run's request files: one sizing rule for both ({@code JobSizing}), waves of whole jobs. */
class EstimateMatchesRunTest {
    @TempDir
    Path dir;

    @Test
    void theEstimateCountsTheBatchesTheRunWrites() throws IOException {
        BatchSpec<NewsClassification> base = Batches.from(SampleArticles.of(1_200)).batchSize(100).directory(dir)
                .name("sized");
        long perBatch = base.estimate().inputTokens() / 12;
        // a wave budget (90% of the limit) of two and a half batches: wave boundaries fall inside batches
        BatchSpec<NewsClassification> spec = base.enqueuedTokens((long) (perBatch * 2.5 / 0.9)).waves();
        Estimate e = spec.estimate();
        spec.submit();
        long files;
        try (Stream<Path> s = Files.list(dir.resolve("requests").resolve("sized"))) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).count();
        }
        // A job holds at most a quarter of the wave budget (0.625 of a 100-article batch's tokens): the
        // token cap binds before the item cap, in the estimate as in the run.
        assertTrue(files > 12, "request files the run wrote: " + files);
        assertEquals(files, e.batches(), "batches the estimate counted: " + e);
        assertTrue(e.waves() >= 5, "waves of at most 2.5 batches' tokens: " + e);
        assertTrue(e.maxPerWave() <= 250, "a wave holds whole jobs within its budget: " + e);
    }
}
