package dev.newsbatch.app.cli;

import dev.newsbatch.BatchSpec;
import dev.newsbatch.RunConfig;
import dev.newsbatch.Tier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The model, quota tier, thinking and limits, shared by every command that plans or submits work.
 *
 * <pre>{@code
 * @Mixin ModelOptions target;   // --model M --tier T --thinking least --rpm N ...
 * spec = target.apply(spec);
 * }</pre>
 */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "MODEL",
            description = "Gemini model (default: ${DEFAULT-VALUE}; see `newsbatch models`).")
    String model = RunConfig.DEFAULT_MODEL;

    @Option(names = "--tier", paramLabel = "TIER", defaultValue = "tier1",
            description = "Quota tier of the project: free, tier1, tier2, tier3 (also 1, 2, 3; "
                    + "default: ${DEFAULT-VALUE}).")
    String tier;

    @Mixin
    LimitOptions limits;

    /** The tier as the SDK reads it: {@code 1} and {@code tier 1} are {@code tier1}. */
    Tier tier() {
        try {
            return Tier.parse(tier == null ? "" : tier);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--tier: " + e.getMessage(), e);
        }
    }

    /** {@code spec} with the model, tier, thinking and limits applied. */
    <T extends Record> BatchSpec<T> apply(BatchSpec<T> spec) {
        return limits.apply(spec.model(model).tier(tier()));
    }
}
