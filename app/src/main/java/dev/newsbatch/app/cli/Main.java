package dev.newsbatch.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the {@code newsbatch} command line: one subcommand per verb, exit code 0 on success,
 * 1 when a job or some articles failed, 2 for bad usage or bad input.
 *
 * <pre>{@code
 * ./newsbatch submit-contents samples/batch_contents.json --name demo --wait
 * ./newsbatch list --json
 * }</pre>
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.out.flush();
        System.exit(code);
    }

    /** The command line with its error handlers, writing to standard output and standard error. */
    public static CommandLine commandLine() {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** The command line writing to {@code out} and {@code err} (tests capture both). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        ErrorReporter errors = new ErrorReporter();
        CommandLine cli = new CommandLine(new NewsbatchCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors);
        cli.setExitCodeExceptionMapper(errors);
        return cli;
    }
}
