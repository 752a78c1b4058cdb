package dev.newsbatch.internal.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.newsbatch.emulator.Quota;
import org.junit.jupiter.api.Test;

/**
 * The planner and the emulator read one tier table: for every tier and model, the limits the planner
 * admits under are the limits the emulator enforces (a second table once gave the default model 3M
 * enqueued tokens at the emulator and 10M in the plan, so creates were refused with 429s).
 */
class TierTableAgreementTest {
    @Test
    void everyTierAndModelHasTheSameLimitsInThePlannerAndTheEmulator() {
        for (String tier : TierLimits.PRESETS) {
            TierLimits planned = TierLimits.preset(tier);
            assertFalse(planned.models().isEmpty(), tier);
            for (String model : planned.models()) {
                ModelLimits p = planned.model(model);
                Quota q = Quota.of(tier, model);
                String where = tier + " " + model;
                assertEquals(p.rpm(), q.requestsPerMinute(), where + " rpm");
                assertEquals(p.tpm(), q.tokensPerMinute(), where + " tpm");
                assertEquals(p.rpd(), q.requestsPerDay(), where + " rpd");
                assertEquals(p.batchEnqueuedTokens(), q.enqueuedBatchTokens(), where + " enqueued tokens");
                assertEquals(planned.concurrentBatchJobs(), q.concurrentBatchJobs(), where + " concurrent jobs");
                assertEquals(planned.maxInputFileBytes(), q.maxFileBytes(), where + " file bytes");
            }
        }
    }
}
