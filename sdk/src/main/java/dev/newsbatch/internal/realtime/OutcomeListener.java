package dev.newsbatch.internal.realtime;

/**
 * Receives each {@link Outcome} as soon as it is known. Calls are serialised (never two at once), so
 * an implementation that writes to the ledger needs no locking of its own.
 *
 * <pre>{@code
 * OutcomeListener<String> print = o -> System.out.println(o);
 * }</pre>
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface OutcomeListener<R> {
    void onOutcome(Outcome<R> outcome);
}
