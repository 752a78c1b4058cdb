package dev.newsbatch.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One in-process run of the command line: exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code newsbatch --dir <dir> args...} in this JVM. */
    static CliRun in(Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of("--dir", dir.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Standard output parsed as one JSON document. */
    JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (Exception e) {
            throw new AssertionError("output is not one JSON document: " + out, e);
        }
    }

    @Override
    public String toString() {
        return "CliRun[exit=" + exitCode + "]\n--- out\n" + out + "--- err\n" + err;
    }
}
