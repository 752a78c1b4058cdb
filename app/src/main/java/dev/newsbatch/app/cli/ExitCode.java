package dev.newsbatch.app.cli;

/**
 * The exit codes of every command.
 *
 * <pre>{@code
 * if (results.errors().isEmpty()) return ExitCode.OK; else return ExitCode.FAILED;
 * }</pre>
 */
final class ExitCode {
    /** Everything worked. */
    static final int OK = 0;
    /** A job failed, or some articles have no classification. */
    static final int FAILED = 1;
    /** Bad usage or bad input; nothing was done. */
    static final int USAGE = 2;

    private ExitCode() {}
}
