package dev.newsbatch;

import java.time.Instant;

/**
 * One run recorded in a batch directory.
 *
 * <pre>{@code
 * Batches.runs().forEach(r -> System.out.println(r.runId() + " " + r.state()));
 * }</pre>
 *
 * @param runId     the run's id (its name)
 * @param name      the run's name
 * @param mode      how it sends articles
 * @param model     the Gemini model
 * @param state     the name of its {@link RunState}, by the same rule as {@link RunStatus#state()}
 * @param createdAt when it was first submitted
 * @param updatedAt when it last changed
 */
public record RunInfo(String runId, String name, RunMode mode, String model, String state, Instant createdAt,
                      Instant updatedAt) {
    /** E.g. {@code analysis (batch, gemini-2.5-flash) DONE, created 2026-12-01 10:06 UTC}. */
    @Override
    public String toString() {
        return runId + " (" + mode.name().toLowerCase(java.util.Locale.ROOT) + ", " + model + ") " + state
                + ", created " + minutes(createdAt);
    }

    private static String minutes(Instant t) {
        return t == null ? "unknown" : Format.minute(t);
    }
}
