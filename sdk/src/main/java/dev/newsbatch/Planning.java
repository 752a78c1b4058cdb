package dev.newsbatch;

import dev.newsbatch.engine.RequestTemplate;
import dev.newsbatch.plan.Mode;
import dev.newsbatch.plan.ModelLimits;
import dev.newsbatch.plan.Plan;
import dev.newsbatch.plan.Planner;
import dev.newsbatch.plan.Pricing;
import dev.newsbatch.plan.TierLimits;
import dev.newsbatch.plan.TokenEstimator;
import java.util.function.ToLongFunction;

/** The bridge from specs to the planning package: estimators, budgets, prices. */
final class Planning {
    /** Share of the tier's enqueued-token limit kept in flight. */
    static final double SAFE_SHARE = 0.9;

    private Planning() {}

    static dev.newsbatch.plan.RequestTemplate planTemplate(RequestTemplate template) {
        return dev.newsbatch.plan.RequestTemplate.of(template.prompts().template(),
                template.prompts().systemInstruction(), template.schema().responseSchema().toString());
    }

    static ToLongFunction<Article> estimator(BatchSpec<?> spec, RequestTemplate template) {
        TokenEstimator estimator = TokenEstimator.calibrated();
        dev.newsbatch.plan.RequestTemplate t = planTemplate(template);
        return a -> estimator.estimate(t, a).inputTokens();
    }

    static ModelLimits limits(BatchSpec<?> spec) {
        return TierLimits.preset(spec.tier).model(spec.model);
    }

    static long safeTokenBudget(BatchSpec<?> spec) {
        long limit = limits(spec).batchEnqueuedTokens();
        return limit <= 0 ? Long.MAX_VALUE : Math.max(1, (long) (limit * SAFE_SHARE));
    }

    static int maxJobs(BatchSpec<?> spec) {
        return Math.max(1, TierLimits.preset(spec.tier).concurrentBatchJobs());
    }

    static double cost(BatchSpec<?> spec, long inputTokens, long outputTokens) {
        try {
            return Pricing.defaults().model(spec.model)
                    .cost(spec.mode.isBatch() ? Mode.BATCH : Mode.REALTIME, inputTokens, outputTokens);
        } catch (IllegalArgumentException unknownModel) {
            return Double.NaN;
        }
    }

    static Planner planner(BatchSpec<?> spec) {
        RequestTemplate template = new RequestTemplate(spec.model, spec.prompts, spec.schema);
        Planner planner = Planner.forModel(spec.model).tier(spec.tier).template(planTemplate(template))
                .maxItemsPerBatch(spec.batchSize).safeShare(SAFE_SHARE);
        return spec.budgetUsd > 0 ? planner.budgetUsd(spec.budgetUsd) : planner;
    }

    static Estimate estimate(BatchSpec<?> spec) {
        Plan plan = planner(spec).plan(spec.source.open());
        return Estimate.of(plan, spec.mode);
    }
}
