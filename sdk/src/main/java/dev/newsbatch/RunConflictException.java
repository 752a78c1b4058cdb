package dev.newsbatch;

import java.util.List;

/**
 * A submission under an existing run's name would change what that run sends: another model, prompt,
 * system instruction or schema, or an article id whose content changed. Nothing was recorded or sent;
 * submit under another name to start a new run.
 *
 * <pre>{@code
 * try { Batches.from(Path.of("october.jsonl")).name("october").model("gemini-2.5-pro").submit(); }
 * catch (RunConflictException e) { e.differences().forEach(System.out::println); }
 * }</pre>
 */
public final class RunConflictException extends NewsbatchException {
    private static final long serialVersionUID = 1L;

    private final String runId;
    private final transient List<String> differences;

    public RunConflictException(String runId, List<String> differences) {
        super("run " + runId + " was recorded with other requests; nothing was sent. "
                + String.join("; ", differences) + ". Submit under another name to start a new run");
        this.runId = runId;
        this.differences = List.copyOf(differences);
    }

    /** The run whose requests would change. */
    public String runId() {
        return runId;
    }

    /** What differs, one sentence each (at most the first ten changed articles are named). */
    public List<String> differences() {
        return differences;
    }
}
