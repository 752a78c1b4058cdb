package dev.newsbatch.internal.plan;

import dev.newsbatch.internal.Checks;
import java.util.Optional;

/**
 * The one rule for an article too large for the model: a request whose estimated input tokens pass
 * the model's input limit is refused before anything is sent (its article ends as an
 * {@code INPUT_TOO_LARGE} error). The planner leaves such articles out of its batches and the engine
 * leaves them out of its request files, by this same rule.
 *
 * <pre>{@code
 * InputLimit.of(1_048_576).refusal(2_000_000);   // Optional["about 2000000 input tokens, over the model's limit of 1048576"]
 * }</pre>
 *
 * @param maxInputTokens the largest request accepted, in input tokens
 */
public record InputLimit(long maxInputTokens) {
    public InputLimit {
        Checks.atLeast(maxInputTokens, 1, "maxInputTokens");
    }

    /** The limit of {@code maxInputTokens} tokens. */
    public static InputLimit of(long maxInputTokens) {
        return new InputLimit(maxInputTokens);
    }

    /** Why a request of {@code estimatedTokens} is refused, or empty when it may be sent. */
    public Optional<String> refusal(long estimatedTokens) {
        return estimatedTokens > maxInputTokens
                ? Optional.of("about " + estimatedTokens + " input tokens, over the model's limit of " + maxInputTokens)
                : Optional.empty();
    }
}
