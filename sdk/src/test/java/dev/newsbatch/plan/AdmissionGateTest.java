package dev.newsbatch.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdmissionGateTest {
    static BatchSlice batch(long tokens, double usd) {
        return new BatchSlice(0, 0, 0, 1_000, "a", "b", tokens, 150_000, 1, usd);
    }

    final AdmissionGate gate = AdmissionGate.of(9_000_000, 3);

    @Test
    void admitsWhileTheTokensInFlightStayWithinTheBudget() {
        InFlight running = InFlight.NONE.plus(batch(2_800_000, 0.6)).plus(batch(2_800_000, 0.6));
        assertTrue(gate.decide(running, batch(2_800_000, 0.6)).admitted());
    }

    @Test
    void waitsForTokensWhenTheNextBatchWouldOverfillTheBudget() {
        InFlight running = InFlight.NONE.plus(batch(2_800_000, 0.6)).plus(batch(2_800_000, 0.6));
        Admission a = gate.decide(running, batch(3_500_000, 0.6));

        assertEquals(Admission.Verdict.WAIT_FOR_TOKENS, a.verdict());
        assertFalse(a.isFinal());
        assertTrue(a.reason().contains("5,600,000 of 9,000,000"), a.reason());
    }

    @Test
    void admitsAgainOnceARunningBatchCompletes() {
        BatchSlice first = batch(2_800_000, 0.6);
        InFlight running = InFlight.NONE.plus(first).plus(batch(2_800_000, 0.6));
        assertTrue(gate.decide(running.minus(first), batch(3_500_000, 0.6)).admitted());
    }

    @Test
    void waitsForAJobSlotAtTheConcurrentJobLimit() {
        InFlight running = InFlight.NONE.plus(batch(10, 0)).plus(batch(10, 0)).plus(batch(10, 0));
        assertEquals(Admission.Verdict.WAIT_FOR_JOB_SLOT, gate.decide(running, batch(10, 0)).verdict());
    }

    @Test
    void budgetCapStopsAdmittingAndSaysWhy() {
        AdmissionGate capped = gate.budgetUsd(1.00);
        InFlight running = InFlight.NONE.plus(batch(1_000, 0.60));
        Admission a = capped.decide(running.minus(batch(1_000, 0.60)), batch(1_000, 0.60));

        assertEquals(Admission.Verdict.BUDGET_EXHAUSTED, a.verdict());
        assertTrue(a.isFinal());
        assertTrue(a.reason().contains("budget cap $1.00 reached: $0.60 committed"), a.reason());
    }

    @Test
    void aBatchLargerThanTheBudgetNeverFits() {
        Admission a = gate.decide(InFlight.NONE, batch(9_000_001, 0));
        assertEquals(Admission.Verdict.NEVER_FITS, a.verdict());
    }

    @Test
    void continuousAdmissionOfAPlanKeepsTokensInFlightUnderTheBudget() {
        TierLimits t1 = TierLimits.preset("tier1");
        Plan plan = Planner.forModel("gemini-2.5-flash")
                .tier(t1.with("gemini-2.5-flash", t1.model("gemini-2.5-flash").batchEnqueuedTokens(10_000_000)))
                .estimator(TokenEstimator.fixed(2_800, 150)).plan(PlannerTest.articles(12_000, 10));
        AdmissionGate g = plan.gate();
        java.util.ArrayDeque<BatchSlice> running = new java.util.ArrayDeque<>();
        InFlight now = InFlight.NONE;
        int submitted = 0;
        for (BatchSlice b : plan.batches()) {
            while (!g.decide(now, b).admitted()) {
                now = now.minus(running.removeFirst());   // the oldest job completes
            }
            running.addLast(b);
            now = now.plus(b);
            submitted++;
            assertTrue(now.tokens() <= 9_000_000);
        }
        assertEquals(plan.batches().size(), submitted);
    }
}
