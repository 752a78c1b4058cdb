package dev.newsbatch.app.cli;

import dev.newsbatch.emulator.EmulatorMain;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code newsbatch emulator [--port N] [--state DIR] ...}: the local Gemini emulator in the foreground. */
@Command(name = "emulator",
        description = {"Run the local Gemini emulator in the foreground.",
                "Run the local Gemini emulator in the foreground and print its base URL; point other processes "
                + "at it with GOOGLE_GEMINI_BASE_URL. Every flag is passed to the emulator (its options are "
                + "listed below); --state defaults to <batch dir>/emulator."},
        footer = {"", "Example:", "  newsbatch emulator --port 8080 --state ./emulator-state",
                "  newsbatch emulator --port 8080 --fault-rate '*=0.05' --item-error-rate 0.02",
                "  GOOGLE_GEMINI_BASE_URL=http://127.0.0.1:8080 newsbatch list"})
final class EmulatorCommand extends BaseCommand {
    @Option(names = {"-h", "--help"}, description = "Show this help message and the emulator's options, then exit.")
    boolean help;

    @Unmatched
    List<String> flags = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(flags);
        if (help) {
            out().print(spec.commandLine().getUsageMessage());
            out().println();
            out().println("Emulator options:");
            args = List.of("--help");
        } else if (!args.contains("--state")) {
            args.add("--state");
            args.add(dir().resolve("emulator").toString());
        }
        PrintStream printer = new PrintStream(new LineForwarder(out()), true, StandardCharsets.UTF_8);
        return EmulatorMain.run(args.toArray(String[]::new), printer);
    }

    /** Passes what the emulator prints on to the command's writer, a line at a time. */
    private static final class LineForwarder extends OutputStream {
        private final PrintWriter writer;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineForwarder(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public synchronized void flush() {
            writer.print(line.toString(StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
