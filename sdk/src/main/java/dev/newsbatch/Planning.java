package dev.newsbatch;

import dev.newsbatch.engine.RequestTemplate;
import dev.newsbatch.plan.Mode;
import dev.newsbatch.plan.ModelLimits;
import dev.newsbatch.plan.Plan;
import dev.newsbatch.plan.Planner;
import dev.newsbatch.plan.Pricing;
import dev.newsbatch.plan.TierLimits;
import dev.newsbatch.plan.TokenEstimator;
import dev.newsbatch.store.JobRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToLongFunction;

/**
 * The bridge from specs to the planning package: estimators, budgets, prices.
 *
 * <p>The tier's numbers come from the presets in {@code dev/newsbatch/plan/tiers.json}; a file
 * {@code tiers.json} of the same shape in the spec's directory, when present, overrides any of them
 * (see {@link TierLimits#withOverrides(Path)}), e.g. a project with a raised enqueued-token limit, or a
 * local emulator started with small quotas.
 */
final class Planning {
    /** Share of the tier's enqueued-token limit kept in flight. */
    static final double SAFE_SHARE = 0.9;
    /** The file in a batch directory that overrides the tier presets. */
    static final String TIER_OVERRIDES = "tiers.json";

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

    /** The spec's tier: the preset, with {@code <directory>/tiers.json} applied when present. */
    static TierLimits tierLimits(BatchSpec<?> spec) {
        TierLimits preset = TierLimits.preset(spec.tier);
        Path overrides = spec.directory.resolve(TIER_OVERRIDES);
        return Files.isRegularFile(overrides) ? preset.withOverrides(overrides) : preset;
    }

    static ModelLimits limits(BatchSpec<?> spec) {
        return tierLimits(spec).model(spec.model);
    }

    static long safeTokenBudget(BatchSpec<?> spec) {
        long limit = limits(spec).batchEnqueuedTokens();
        return limit <= 0 ? Long.MAX_VALUE : Math.max(1, (long) (limit * SAFE_SHARE));
    }

    static int maxJobs(BatchSpec<?> spec) {
        return Math.max(1, tierLimits(spec).concurrentBatchJobs());
    }

    static double cost(BatchSpec<?> spec, long inputTokens, long outputTokens) {
        try {
            return Pricing.defaults().model(spec.model)
                    .cost(spec.mode.isBatch() ? Mode.BATCH : Mode.REALTIME, inputTokens, outputTokens);
        } catch (IllegalArgumentException unknownModel) {
            return Double.NaN;
        }
    }

    /** The estimated Batch API cost of one job: its input estimate and the usual answer per item. */
    static double batchJobUsd(BatchSpec<?> spec, JobRecord job) {
        long outPerItem = TokenEstimator.calibrated().outputTokens();
        try {
            return Pricing.defaults().model(spec.model).cost(Mode.BATCH, job.estTokens(), job.items() * outPerItem);
        } catch (IllegalArgumentException unknownModel) {
            return 0;
        }
    }

    static Planner planner(BatchSpec<?> spec) {
        RequestTemplate template = new RequestTemplate(spec.model, spec.prompts, spec.schema);
        Planner planner = Planner.forModel(spec.model).tier(tierLimits(spec)).template(planTemplate(template))
                .maxItemsPerBatch(spec.batchSize).safeShare(SAFE_SHARE);
        return spec.budgetUsd > 0 ? planner.budgetUsd(spec.budgetUsd) : planner;
    }

    static Estimate estimate(BatchSpec<?> spec) {
        Plan plan = planner(spec).plan(spec.source.open());
        return Estimate.of(plan, spec.mode);
    }

    /** The estimate with exact input-token counts from Gemini's {@code countTokens} (rate-limited, cached). */
    static Estimate estimateExact(BatchSpec<?> spec) {
        try (Session s = Session.open(spec.directory)) {
            TokenEstimator exact = TokenEstimator.counting(s.connection.gateway()::countTokens, spec.model);
            Plan plan = planner(spec).estimator(exact).plan(spec.source.open());
            return Estimate.of(plan, spec.mode);
        }
    }
}
