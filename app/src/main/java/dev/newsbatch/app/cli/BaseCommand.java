package dev.newsbatch.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbatch.app.rest.Secrets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the global options and the output streams. */
abstract class BaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private NewsbatchCommand root() {
        return (NewsbatchCommand) spec.root().userObject();
    }

    /** The batch directory ({@code --dir}). */
    Path dir() {
        return root().dir;
    }

    /** True with {@code --json}. */
    boolean json() {
        return root().json;
    }

    /** The arguments of the whole command line as typed, global options included. */
    java.util.List<String> originalArgs() {
        picocli.CommandLine.ParseResult parsed = spec.root().commandLine().getParseResult();
        return parsed == null ? java.util.List.of(spec.qualifiedName().split(" ")) : parsed.originalArgs();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints {@code node} as JSON. */
    void printJson(JsonNode node) {
        Output.print(out(), node);
    }

    /** Prints a line of text, secrets such as the user information of URLs redacted. */
    void println(String text) {
        out().println(Secrets.redact(text));
        out().flush();
    }
}
