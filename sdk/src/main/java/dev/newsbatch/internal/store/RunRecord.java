package dev.newsbatch.internal.store;

import java.time.Instant;

/**
 * One run as recorded in the ledger.
 *
 * <pre>{@code
 * ledger.runs().forEach(r -> System.out.println(r.name() + " " + r.state()));
 * }</pre>
 *
 * @param runId     the run's id
 * @param name      the user's name for it
 * @param mode      "batch", "waves", "continuous" or "realtime"
 * @param model     the Gemini model
 * @param settings  the spec's settings as JSON
 * @param state     the run's overall state
 * @param createdAt when it was recorded
 * @param updatedAt when it last changed
 */
public record RunRecord(String runId, String name, String mode, String model, String settings, RunState state,
                        Instant createdAt, Instant updatedAt) {
    @Override
    public String toString() {
        return "Run[" + runId + ", " + mode + ", " + model + ", " + state + ", " + createdAt + "]";
    }
}
