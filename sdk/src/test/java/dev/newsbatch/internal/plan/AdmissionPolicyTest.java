package dev.newsbatch.internal.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionPolicyTest {
    /** A 10M-token limit: 9M before any job has measured the estimate. */
    final AdmissionPolicy continuous = AdmissionPolicy.continuous(10_000_000, 3);

    static JobLoad running(long tokens) {
        return JobLoad.inFlight(tokens, 0.6);
    }

    static JobLoad waiting(long tokens) {
        return JobLoad.waiting(tokens, 0.6);
    }

    @Test
    void byJobsAdmitsUpToTheConcurrentJobLimitWhateverTheTokens() {
        AdmissionPolicy jobs = AdmissionPolicy.jobs(2);
        List<JobLoad> one = List.of(running(Long.MAX_VALUE / 4), waiting(Long.MAX_VALUE / 4));
        assertTrue(jobs.decide(one, 1).admitted(), jobs.decide(one, 1).reason());
        List<JobLoad> two = List.of(running(1), running(1), waiting(1));
        Admission a = jobs.decide(two, 2);
        assertEquals(Admission.Verdict.WAIT_FOR_JOB_SLOT, a.verdict());
        assertTrue(a.reason().contains("2 of 2 batch jobs"), a.reason());
        List<JobLoad> ended = List.of(running(1), JobLoad.inFlight(1, 0.6).phase(JobLoad.Phase.DONE), waiting(1));
        assertTrue(jobs.decide(ended, 2).admitted());
        assertEquals(AdmissionPolicy.Kind.JOBS, jobs.kind());
        assertFalse(jobs.calibrates());
        assertEquals("AdmissionPolicy[jobs, at most 2 in flight, budget $5.00]", jobs.budgetUsd(5).toString());
    }

    @Test
    void admitsWhileTheTokensInFlightStayWithinTheBudget() {
        List<JobLoad> jobs = List.of(running(2_800_000), running(2_800_000), waiting(2_800_000));
        assertTrue(continuous.decide(jobs, 2).admitted());
    }

    @Test
    void waitsForTokensWhenTheNextBatchWouldOverfillTheBudget() {
        List<JobLoad> jobs = List.of(running(2_800_000), running(2_800_000), waiting(3_500_000));
        Admission a = continuous.decide(jobs, 2);

        assertEquals(Admission.Verdict.WAIT_FOR_TOKENS, a.verdict());
        assertFalse(a.isFinal());
        assertTrue(a.reason().contains("5,600,000 of 9,000,000"), a.reason());
    }

    @Test
    void admitsAgainOnceARunningBatchCompletes() {
        List<JobLoad> jobs = List.of(running(2_800_000).phase(JobLoad.Phase.DONE), running(2_800_000),
                waiting(3_500_000));
        assertTrue(continuous.decide(jobs, 2).admitted());
    }

    @Test
    void waitsForAJobSlotAtTheConcurrentJobLimit() {
        List<JobLoad> jobs = List.of(running(10), running(10), running(10), waiting(10));
        assertEquals(Admission.Verdict.WAIT_FOR_JOB_SLOT, continuous.decide(jobs, 3).verdict());
    }

    @Test
    void budgetCapStopsAdmittingAndSaysWhy() {
        AdmissionPolicy capped = continuous.budgetUsd(1.00);
        List<JobLoad> jobs = List.of(running(1_000).phase(JobLoad.Phase.DONE), waiting(1_000));
        Admission a = capped.decide(jobs, 1);

        assertEquals(Admission.Verdict.BUDGET_EXHAUSTED, a.verdict());
        assertTrue(a.isFinal());
        assertTrue(a.reason().contains("budget cap $1.00 reached ($0.60 committed"), a.reason());
    }

    @Test
    void afterOneBatchIsCutForTheBudgetNoLaterOneIsSent() {
        AdmissionPolicy capped = AdmissionPolicy.all().budgetUsd(1.00);
        List<JobLoad> jobs = List.of(JobLoad.waiting(1_000, 0.9).phase(JobLoad.Phase.SKIPPED),
                JobLoad.waiting(1_000, 0.05));
        assertEquals(Admission.Verdict.BUDGET_EXHAUSTED, capped.decide(jobs, 1).verdict());
    }

    @Test
    void waitingJobsAheadInLineCountAsCommitted() {
        AdmissionPolicy capped = AdmissionPolicy.all().budgetUsd(1.00);
        List<JobLoad> jobs = List.of(JobLoad.waiting(1_000, 0.6), JobLoad.waiting(1_000, 0.6));
        assertTrue(capped.decide(jobs, 0).admitted());
        assertEquals(Admission.Verdict.BUDGET_EXHAUSTED, capped.decide(jobs, 1).verdict());
    }

    @Test
    void theRealtimeBudgetRuleIsTheSameRule() {
        AdmissionPolicy capped = AdmissionPolicy.all().budgetUsd(1.00);
        assertTrue(capped.spend(0.90, 0.10).admitted());
        assertEquals(Admission.Verdict.BUDGET_EXHAUSTED, capped.spend(0.90, 0.11).verdict());
        assertTrue(AdmissionPolicy.all().spend(1e9, 1e9).admitted(), "no cap, no refusal");
    }

    @Test
    void aBatchLargerThanTheBudgetRunsAloneOnceNothingElseIsInFlight() {
        assertEquals(Admission.Verdict.WAIT_FOR_TOKENS,
                continuous.decide(List.of(running(10), waiting(9_000_001)), 1).verdict());
        assertTrue(continuous.decide(List.of(running(10).phase(JobLoad.Phase.DONE), waiting(9_000_001)), 1).admitted());
    }

    @Test
    void wavesStartWhenEveryJobOfTheWavesBeforeIsSettled() {
        AdmissionPolicy waves = AdmissionPolicy.waves(10_000);   // waves of 9,000 tokens
        List<JobLoad> jobs = new ArrayList<>(List.of(running(6_000), waiting(3_000), waiting(6_000), waiting(20_000)));
        assertEquals(List.of(List.of(0, 1), List.of(2), List.of(3)), waves.waves(jobs));
        assertTrue(waves.decide(jobs, 1).admitted(), "same wave as a running job");
        assertEquals(Admission.Verdict.WAIT_FOR_WAVE, waves.decide(jobs, 2).verdict());
        jobs.set(0, jobs.get(0).phase(JobLoad.Phase.DONE));
        jobs.set(1, jobs.get(1).phase(JobLoad.Phase.DONE));
        assertTrue(waves.decide(jobs, 2).admitted());
        assertEquals(Admission.Verdict.WAIT_FOR_WAVE, waves.decide(jobs, 3).verdict());
    }

    @Test
    void continuousAdmissionOfAPlanKeepsTokensInFlightUnderTheBudget() {
        TierLimits t1 = TierLimits.preset("tier1");
        Plan plan = Planner.forModel("gemini-3.1-flash-lite")
                .tier(t1.with("gemini-3.1-flash-lite", t1.model("gemini-3.1-flash-lite").batchEnqueuedTokens(10_000_000)))
                .estimator(TokenEstimator.fixed(2_800, 150)).plan(PlannerTest.articles(12_000, 10));
        AdmissionPolicy policy = plan.admission();
        List<JobLoad> jobs = new ArrayList<>();
        plan.batches().forEach(b -> jobs.add(JobLoad.waiting(b.inputTokens(), b.costUsd())));
        int oldest = 0;
        for (int i = 0; i < jobs.size(); i++) {
            while (!policy.decide(jobs, i).admitted()) {
                jobs.set(oldest, jobs.get(oldest).phase(JobLoad.Phase.DONE));   // the oldest job completes
                oldest++;
            }
            jobs.set(i, jobs.get(i).phase(JobLoad.Phase.IN_FLIGHT));
            long inFlight = jobs.stream().filter(j -> j.phase() == JobLoad.Phase.IN_FLIGHT).mapToLong(JobLoad::tokens).sum();
            assertTrue(inFlight <= 9_000_000, "tokens in flight " + inFlight);
        }
        assertEquals(plan.batches().size(), jobs.stream().filter(j -> j.phase() != JobLoad.Phase.WAITING).count());
    }

    static JobLoad finished(long tokens, long counted) {
        return JobLoad.inFlight(tokens, 0.6).phase(JobLoad.Phase.DONE).reported(counted, tokens);
    }

    @Test
    void finishedJobsThatCountedLessThanTheirEstimateLetMoreIn() {
        // 8M in flight by estimate: no room for 1.5M under the seed's 9M.
        List<JobLoad> jobs = List.of(finished(2_000_000, 1_600_000), running(4_000_000), running(4_000_000),
                waiting(1_500_000));
        AdmissionPolicy four = AdmissionPolicy.continuous(10_000_000, 4);
        assertEquals(Admission.Verdict.WAIT_FOR_TOKENS, four.decide(jobs.subList(1, 4), 2).verdict(),
                "no finished job: the seed share");
        // Gemini counted 0.8 of the estimate: 6.4M + 1.2M in flight, under 98% of 10M.
        Admission a = four.decide(jobs, 3);
        assertTrue(a.admitted(), a.reason());
        assertTrue(a.reason().contains("×0.800, 98.0% of the limit, from 1 jobs"), a.reason());
    }

    @Test
    void finishedJobsThatCountedMoreThanTheirEstimateHoldMoreBack() {
        // 6M + 2M fit the seed's 9M by estimate; counted at 1.25×, 7.5M + 2.5M do not fit 98% of 10M.
        List<JobLoad> jobs = List.of(finished(1_000_000, 1_250_000), running(3_000_000), running(3_000_000),
                waiting(2_000_000));
        Admission a = AdmissionPolicy.continuous(10_000_000, 4).decide(jobs, 3);
        assertEquals(Admission.Verdict.WAIT_FOR_TOKENS, a.verdict(), a.reason());
        assertTrue(a.reason().contains("7,500,000 of 9,800,000"), a.reason());
    }

    @Test
    void theShareFilledIsMeasuredFromHowFarTheCountsSpread() {
        assertEquals(TokenCalibration.SEED, TokenCalibration.of(List.of(running(10))));
        TokenCalibration one = TokenCalibration.of(List.of(finished(1_000, 1_000)));
        assertEquals(0.98, one.share(), 1e-9, "the minimum margin");
        TokenCalibration spread = TokenCalibration.of(List.of(finished(1_000, 1_000), finished(1_000, 900)));
        assertEquals(1.0, spread.factor(), 1e-9, "the largest ratio seen");
        assertEquals(1 - 0.02 - 0.1, spread.share(), 1e-9, "2% plus the 10% spread");
        TokenCalibration wild = TokenCalibration.of(List.of(finished(1_000, 2_000), finished(1_000, 500)));
        assertEquals(TokenCalibration.MIN_SHARE, wild.share(), 1e-9);
        assertEquals(2_000, wild.scale(1_000));
    }

    @Test
    void aJobGeminiReportsEndedNoLongerHoldsItsTokensAndUnmeasuredJobsDoNotCalibrate() {
        List<JobLoad> jobs = List.of(running(5_000_000).phase(JobLoad.Phase.DONE), running(4_000_000),
                waiting(5_000_000));
        Admission a = continuous.decide(jobs, 2);
        assertTrue(a.admitted(), a.reason());
        assertTrue(a.reason().contains("seed"), a.reason());
    }

    @Test
    void withTheDriftCheckOnNothingMoreGoesOutBetweenTheFirstJobEndingAndItsResultsBeingPriced() {
        AdmissionPolicy checked = continuous.costDriftFactor(1.5);
        List<JobLoad> ended = List.of(running(1_000).phase(JobLoad.Phase.DONE), waiting(1_000));
        assertEquals(Admission.Verdict.WAIT_FOR_RESULTS, checked.decide(ended, 1).verdict());
        assertTrue(continuous.decide(ended, 1).admitted(), "without the check the ended job's tokens are free at once");
        List<JobLoad> priced = List.of(new JobLoad(1_000, 0.6, JobLoad.Phase.DONE, 0.6), waiting(1_000));
        assertTrue(checked.decide(priced, 1).admitted());
    }
}
