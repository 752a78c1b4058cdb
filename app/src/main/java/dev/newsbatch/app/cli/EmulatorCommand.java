package dev.newsbatch.app.cli;

import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.GeminiEmulator;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code newsbatch emulator [--port N] [--state DIR]}: the local Gemini emulator in the foreground. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = {"Run the local Gemini emulator in the foreground.",
                "Run the local Gemini emulator in the foreground and print its base URL; point other processes "
                + "at it with GOOGLE_GEMINI_BASE_URL. Other flags (--tier, --fault-rate, --realistic, ...) are passed "
                + "to the emulator."},
        footer = {"", "Example:", "  newsbatch emulator --port 8080 --state ./emulator-state",
                "  GOOGLE_GEMINI_BASE_URL=http://127.0.0.1:8080 newsbatch list"})
final class EmulatorCommand extends BaseCommand {
    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "TCP port on 127.0.0.1 (0: any free port).")
    int port;

    @Option(names = "--state", paramLabel = "DIR", description = "State directory (default: <batch dir>/emulator).")
    Path state;

    @Unmatched
    List<String> passThrough = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path stateDir = state == null ? dir().resolve("emulator") : state;
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--state", stateDir.toString()));
        args.addAll(passThrough);
        PrintStream out = new PrintStream(new WriterOutputStream(out()), true, java.nio.charset.StandardCharsets.UTF_8);
        Method main = emulatorMain();
        if (main != null) {
            try {
                return (Integer) main.invoke(null, args.toArray(String[]::new), out);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        if (!passThrough.isEmpty()) {
            throw new IllegalArgumentException("emulator options other than --port and --state are not available in "
                    + "this build, was " + passThrough);
        }
        return runPlain(stateDir, out);
    }

    /** {@code EmulatorMain.run(String[], PrintStream)} when the emulator module has it, else null. */
    private static Method emulatorMain() {
        try {
            return Class.forName("dev.newsbatch.emulator.EmulatorMain").getMethod("run", String[].class, PrintStream.class);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private int runPlain(Path stateDir, PrintStream out) throws InterruptedException {
        GeminiEmulator emulator = GeminiEmulator.start(EmulatorConfig.defaults().port(port).stateDir(stateDir));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "newsbatch-emulator-shutdown"));
        out.println("Gemini emulator listening on " + emulator.baseUrl() + " (state: " + emulator.stateDir() + ")");
        out.flush();
        stopped.await();
        return ExitCode.OK;
    }

    /** Bytes written to a PrintStream, passed on to the command's writer. */
    private static final class WriterOutputStream extends java.io.OutputStream {
        private final java.io.PrintWriter writer;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterOutputStream(java.io.PrintWriter writer) {
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
            writer.print(line.toString(java.nio.charset.StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
