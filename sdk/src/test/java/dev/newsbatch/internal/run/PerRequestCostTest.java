package dev.newsbatch.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.Batches;
import dev.newsbatch.Estimator;
import dev.newsbatch.Results;
import dev.newsbatch.RunConfig;
import dev.newsbatch.internal.plan.RequestKeys;
import dev.newsbatch.internal.engine.RunSettings;
import dev.newsbatch.internal.plan.Admission;
import dev.newsbatch.internal.plan.AdmissionPolicy;
import dev.newsbatch.internal.plan.JobLoad;
import dev.newsbatch.internal.plan.Mode;
import dev.newsbatch.internal.plan.ModelPricing;
import dev.newsbatch.internal.plan.Pricing;
import dev.newsbatch.schema.NewsClassification;
import dev.newsbatch.internal.store.ItemOutcomeRecord;
import dev.newsbatch.internal.store.ItemRecord;
import dev.newsbatch.internal.store.Ledger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One cost path, per request: a long-context model's run of two 150k-token requests costs the sum of
 * two 150k requests (standard rates), not one 300k request (long-context rates), in the results and
 * in the budget cap alike.
 */
class PerRequestCostTest {
    static final String ANSWER = "{\"page_title\":\"t\",\"is_financial\":\"Yes\",\"sector\":[\"Banking\"],"
            + "\"companies\":[\"Acme\"],\"sentiment\":\"Positive\",\"confident_score\":8,\"summary_en\":\"s\","
            + "\"summary_tr\":\"s\"}";
    static final ModelPricing PRO = Pricing.defaults().model("gemini-2.5-pro");

    @TempDir
    Path dir;

    @Test
    void aRunOfTwoLongRequestsCostsTheSumOfTwoNotOneRequestOfTheirTotal() {
        RunConfig config = RunConfig.ofDefaults(dir).withName("pro").withModel("gemini-2.5-pro");
        try (Ledger ledger = Ledger.open(dir)) {
            ledger.createRun("pro", config);
            ledger.addItems("pro", List.of(item("a1", 150_000), item("a2", 150_000)));
            ledger.recordOutcomes("pro", List.of(
                    ItemOutcomeRecord.success(RequestKeys.of("a1"), ANSWER, 150_000, 1_000, null),
                    ItemOutcomeRecord.success(RequestKeys.of("a2"), ANSWER, 150_000, 1_000, null)));
        }
        Results<NewsClassification> r = Batches.resume("pro", dir, NewsClassification.class).collect();

        double two = 2 * PRO.cost(Mode.BATCH, 150_000, 1_000);
        assertEquals(two, r.usage().costUsd(), 1e-9);
        assertEquals(0.1975, two, 1e-9);
        assertNotEquals(PRO.cost(Mode.BATCH, 300_000, 2_000), r.usage().costUsd(), 1e-6);
    }

    @Test
    void theBudgetCapPricesEachRequestOnItsOwn() {
        RunConfig base = RunConfig.ofDefaults(dir).withName("capped").withModel("gemini-2.5-pro");
        long out = Planning.outputTokens(base, dev.newsbatch.internal.plan.RequestTemplate.of(base));
        assertEquals(Estimator.DEFAULT_OUTPUT_TOKENS + 128, out, "2.5 Pro's least thinking is a budget of 128");
        double perRequest = PRO.cost(Mode.BATCH, 150_000, out);
        RunConfig config = base.withBudgetUsd(2 * perRequest * 1.001);
        try (Session s = Session.open(dir)) {
            RunSettings settings = Planning.settings(config, "capped", s);
            double job = settings.requestUsd().applyAsDouble(150_000) + settings.requestUsd().applyAsDouble(150_000);
            AdmissionPolicy policy = Planning.admission(config);

            assertEquals(2 * perRequest, job, 1e-12);
            assertTrue(policy.decide(List.of(JobLoad.waiting(300_000, job)), 0).admitted(),
                    "two 150k requests fit a cap of their own two prices");
            assertEquals(Admission.Verdict.BUDGET_EXHAUSTED, policy.decide(List.of(JobLoad.waiting(300_000,
                    settings.requestUsd().applyAsDouble(300_000))), 0).verdict(), "one 300k request would not");
        }
    }

    private static ItemRecord item(String id, long tokens) {
        return ItemRecord.pending(RequestKeys.of(id), id, "t", null, "h-" + id, tokens);
    }
}
