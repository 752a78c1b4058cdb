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
        int code = execute(commandLine(), args, System.getenv());
        System.out.flush();
        System.exit(code);
    }

    /**
     * Runs {@code args} with the defaults of the config file that {@code --config}, {@code NEWSBATCH_CONFIG}
     * or the usual places name ({@link ConfigFile}); a bad config file exits with 2 and names its line.
     */
    static int execute(CommandLine cli, String[] args, java.util.Map<String, String> env) {
        try {
            ConfigFile.find(args, env).ifPresent(cli::setDefaultValueProvider);
        } catch (IllegalArgumentException e) {
            cli.getErr().println("newsbatch: error: " + e.getMessage());
            cli.getErr().flush();
            return ExitCode.USAGE;
        }
        return cli.execute(args);
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
