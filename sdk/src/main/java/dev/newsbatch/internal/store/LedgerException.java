package dev.newsbatch.internal.store;

/**
 * The ledger database could not be read or written (disk full, file locked, corrupt file).
 *
 * <pre>{@code
 * try (Ledger l = Ledger.open(dir)) { ... } catch (LedgerException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public class LedgerException extends dev.newsbatch.NewsbatchException {
    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
