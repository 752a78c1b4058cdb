package dev.newsbatch.internal.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TierLimitsTest {

    @Test
    void presetsCarryGooglesPublishedLimits() {
        assertEquals(new ModelLimits(1_000, 1_000_000, 10_000, 3_000_000),
                TierLimits.preset("tier1").model("gemini-2.5-flash"));
        assertEquals(400_000_000, TierLimits.preset("TIER_2").model("gemini-2.5-flash").batchEnqueuedTokens());
        assertEquals(ModelLimits.UNLIMITED, TierLimits.preset("3").model("gemini-2.5-flash").rpd());
        assertEquals(100, TierLimits.preset("tier1").concurrentBatchJobs());
        assertEquals(2_000_000_000L, TierLimits.preset("tier1").maxInputFileBytes());
    }

    @Test
    void freeTierHasNoBatchApi() {
        TierLimits free = TierLimits.preset("free");
        assertFalse(free.model("gemini-2.5-flash").hasBatch());
        assertEquals(0, free.concurrentBatchJobs());
        assertEquals(10, free.model("gemini-2.5-flash").rpm());
    }

    @Test
    void onVertexEightJobsRunAtOnceWithNoTokenLimitOrSpendCapEvenFromTheFreeTier() {
        TierLimits vertex = TierLimits.preset("free").onVertex();
        assertEquals(8, vertex.concurrentBatchJobs());
        assertTrue(vertex.model("gemini-2.5-flash").hasBatch());
        assertEquals(ModelLimits.UNLIMITED, vertex.model("gemini-2.5-flash").batchEnqueuedTokens());
        assertEquals(ModelLimits.UNLIMITED, vertex.model("gemini-2.5-flash").rpm());
        assertEquals(0, vertex.spend().per10MinUsd());
        assertEquals(TierLimits.preset("free").models(), vertex.models());
        assertTrue(vertex.source().contains("vertex-ai"), vertex.source());
    }

    @Test
    void unknownPresetNamesTheChoices() {
        String message = assertThrows(IllegalArgumentException.class, () -> TierLimits.preset("gold")).getMessage();
        assertTrue(message.startsWith("tier must be one of [free, tier1, tier2, tier3], was \"gold\""), message);
    }

    @Test
    void overrideFileAppliesToTheTiersSection(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("limits.json");
        Files.writeString(file, "{\"batch\":{\"concurrent_batch_jobs\":5},"
                + "\"tiers\":{\"tier1\":{\"models\":{\"gemini-2.5-flash\":{\"rpm\":600,\"rpd\":null}}}}}");
        TierLimits t = TierLimits.preset("tier1").withOverrides(file);

        assertEquals(5, t.concurrentBatchJobs());
        assertEquals(600, t.model("gemini-2.5-flash").rpm());
        assertEquals(ModelLimits.UNLIMITED, t.model("gemini-2.5-flash").rpd());
        assertEquals(3_000_000, t.model("gemini-2.5-flash").batchEnqueuedTokens());
        assertEquals(1_000, TierLimits.preset("tier1").model("gemini-2.5-flash").rpm());
    }

    @Test
    void overrideFileWithANegativeLimitNamesTheField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("limits.json");
        Files.writeString(file, "{\"tiers\":{\"tier1\":{\"models\":{\"gemini-2.5-flash\":{\"rpm\":-1}}}}}");

        String message = assertThrows(IllegalArgumentException.class,
                () -> TierLimits.preset("tier1").withOverrides(file)).getMessage();
        assertTrue(message.contains("limits.json: field \"tiers.tier1.models.gemini-2.5-flash.rpm\""), message);
    }

    @Test
    void withersLeaveThePresetUnchanged() {
        TierLimits t0 = TierLimits.preset("tier1");
        TierLimits t1 = t0.concurrentBatchJobs(3).with("gemini-2.5-flash", t0.model("gemini-2.5-flash").rpm(1));

        assertEquals(3, t1.concurrentBatchJobs());
        assertEquals(1, t1.model("gemini-2.5-flash").rpm());
        assertEquals(100, t0.concurrentBatchJobs());
        assertEquals(1_000, t0.model("gemini-2.5-flash").rpm());
    }
}
