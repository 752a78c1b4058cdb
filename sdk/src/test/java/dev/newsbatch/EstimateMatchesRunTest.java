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

/** The estimate's batches are the run's request files: one sizing rule for both, waves of whole batches. */
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
        assertEquals(12, files, "request files the run wrote");
        assertEquals(files, e.batches(), "batches the estimate counted: " + e);
        assertEquals(6, e.waves(), "waves of two whole batches: " + e);
        assertTrue(e.maxPerWave() <= 200, "a wave holds whole batches: " + e);
    }
}
