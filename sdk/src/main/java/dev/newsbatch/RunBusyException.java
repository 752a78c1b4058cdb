package dev.newsbatch;

/**
 * Another process is driving the run (submitting, resubmitting or awaiting it with its jobs' upkeep):
 * a run is driven by one process at a time. Watching works alongside: {@code state()}, {@code status()},
 * {@code collect()}, and an {@code await()} that finds the run busy only watches the ledger.
 *
 * <pre>{@code
 * try { spec.submit(); }
 * catch (RunBusyException e) { System.out.println(e.getMessage()); }   // names the pid and host
 * }</pre>
 */
public final class RunBusyException extends NewsbatchException {
    private static final long serialVersionUID = 1L;

    private final String runId;
    private final String owner;

    public RunBusyException(String runId, String owner) {
        super("run " + runId + " is being driven by another process (" + owner + "); wait for it to finish, or "
                + "watch it with status or await");
        this.runId = runId;
        this.owner = owner;
    }

    /** The busy run. */
    public String runId() {
        return runId;
    }

    /** Who holds it, as it recorded itself: {@code pid@host since <time>}. */
    public String owner() {
        return owner;
    }
}
