package dev.newsbatch;

import java.nio.file.Path;

/**
 * A run asked for by id is not recorded in the ledger of the given batch directory.
 *
 * <pre>{@code
 * try { Batches.resume("october"); }
 * catch (RunNotFoundException e) { System.out.println(e.runId() + " not in " + e.directory()); }
 * }</pre>
 */
public final class RunNotFoundException extends NewsbatchException {
    private static final long serialVersionUID = 1L;

    private final String runId;
    private final transient Path directory;

    public RunNotFoundException(String runId, Path directory, String message) {
        super(message);
        this.runId = runId;
        this.directory = directory;
    }

    /** The run id asked for. */
    public String runId() {
        return runId;
    }

    /** The batch directory whose ledger was searched. */
    public Path directory() {
        return directory;
    }
}
