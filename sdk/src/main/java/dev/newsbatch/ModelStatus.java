package dev.newsbatch;

/**
 * Where a Gemini model stands in its life, as the model catalogue records it (with dates).
 *
 * <pre>{@code
 * Batches.models().stream().filter(m -> m.status() == ModelStatus.STABLE).toList();
 * }</pre>
 */
public enum ModelStatus {
    /** An early release: works, may change or go away at short notice. */
    PREVIEW,
    /** Generally available, no shutdown announced or the date still ahead. */
    STABLE,
    /** Still answers, but a shutdown is announced: runs warn once with the date and the replacement. */
    DEPRECATED,
    /** Turned off: the API refuses it, so newsbatch refuses it before sending anything. */
    SHUT_DOWN;

    /** Whether the API still serves the model. */
    public boolean isServed() {
        return this != SHUT_DOWN;
    }
}
