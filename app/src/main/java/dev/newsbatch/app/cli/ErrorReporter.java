package dev.newsbatch.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.app.rest.Secrets;
import dev.newsbatch.GeminiException;
import dev.newsbatch.InputProblem;
import dev.newsbatch.InvalidInputException;
import dev.newsbatch.JobNotFoundException;
import dev.newsbatch.NewsbatchException;
import dev.newsbatch.RunConflictException;
import dev.newsbatch.RunNotFoundException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one clear line (plus the list of input problems) and an exit code: bad
 * usage and bad input exit with 2, failures of the work with 1. Stack traces only for unexpected errors
 * with {@code NEWSBATCH_DEBUG} set.
 *
 * <pre>{@code
 * cli.setExecutionExceptionHandler(new ErrorReporter());
 * }</pre>
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler, IExitCodeExceptionMapper {

    /** What went wrong, for the user. */
    record Failure(int exitCode, String message, List<String> problems) {
        Failure {
            problems = List.copyOf(problems);
        }
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String hint = "see `" + cmd.getCommandSpec().qualifiedName() + " --help`";
        report(cmd, List.of(args).contains("--json"), new Failure(ExitCode.USAGE, ex.getMessage() + " (" + hint + ")",
                List.of()));
        return ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        Failure f = classify(ex);
        report(cmd, jsonRequested(parsed), f);
        if (f.exitCode() == ExitCode.FAILED && unexpected(ex) && System.getenv("NEWSBATCH_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
        }
        return f.exitCode();
    }

    @Override
    public int getExitCode(Throwable exception) {
        return exception instanceof ParameterException ? ExitCode.USAGE : ExitCode.FAILED;
    }

    /** The exit code and message for an exception thrown by a command. */
    static Failure classify(Throwable ex) {
        if (ex instanceof InvalidInputException bad) {
            String first = bad.getMessage().lines().findFirst().orElse("invalid input");
            return new Failure(ExitCode.USAGE, first, bad.problems().stream().map(InputProblem::toString).toList());
        }
        if (ex instanceof GeminiException g) {
            int code = g.status() == 404 || g.status() == 400 ? ExitCode.USAGE : ExitCode.FAILED;
            String what = g.status() == 404 ? "not found at Gemini: " : "Gemini call failed: ";
            return new Failure(code, what + Secrets.redact(g.getMessage()), List.of());
        }
        if (ex instanceof JobNotFoundException || ex instanceof RunNotFoundException
                || ex instanceof RunConflictException) {
            return new Failure(ExitCode.USAGE, Secrets.redact(ex.getMessage()), List.of());
        }
        if (ex instanceof NewsbatchException) {
            return new Failure(ExitCode.FAILED, Secrets.redact(ex.getMessage()), List.of());
        }
        if (ex instanceof UnsupportedOperationException) {
            return new Failure(ExitCode.FAILED, "not available: " + ex.getMessage(), List.of());
        }
        if (ex instanceof IllegalArgumentException) {
            return new Failure(ExitCode.USAGE, Secrets.redact(ex.getMessage()), List.of());
        }
        if (ex instanceof IllegalStateException || ex instanceof UncheckedIOException) {
            return new Failure(ExitCode.FAILED, Secrets.redact(ex.getMessage()), List.of());
        }
        return new Failure(ExitCode.FAILED, "unexpected error: " + Secrets.redact(String.valueOf(ex))
                + " (set NEWSBATCH_DEBUG=1 for details)", List.of());
    }

    private static boolean unexpected(Throwable ex) {
        return !(ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
                || ex instanceof NewsbatchException || ex instanceof UnsupportedOperationException
                || ex instanceof UncheckedIOException);
    }

    private static boolean jsonRequested(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--json")) {
                return true;
            }
        }
        return false;
    }

    private static void report(CommandLine cmd, boolean json, Failure f) {
        if (json) {
            ObjectNode node = Output.object();
            node.put("error", f.message());
            node.put("exit_code", f.exitCode());
            ArrayNode problems = node.putArray("problems");
            f.problems().forEach(problems::add);
            Output.print(cmd.getOut(), node);
            return;
        }
        PrintWriter err = cmd.getErr();
        err.println("newsbatch: error: " + f.message());
        f.problems().forEach(p -> err.println("  " + p));
        err.flush();
    }
}
