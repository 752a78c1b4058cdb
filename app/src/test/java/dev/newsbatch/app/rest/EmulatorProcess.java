package dev.newsbatch.app.rest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Gemini emulator in a process of its own ({@code EmulatorMain} with this JVM's class path), for a benchmark
 * that measures the server alone: in production the answers are made by Google's machines, not in the server's
 * process, so their work and garbage are not the server's. Ends the process on {@link #close()}.
 *
 * <pre>{@code
 * try (EmulatorProcess emu = EmulatorProcess.start(dir.resolve("emulator"))) {
 *     System.setProperty(GeminiConnection.BASE_URL_PROPERTY, emu.baseUrl());
 * }
 * }</pre>
 */
final class EmulatorProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final String baseUrl;

    private EmulatorProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts the emulator with its state in {@code state} and waits for the line naming its address. */
    static EmulatorProcess start(Path state) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.newsbatch.emulator.EmulatorMain", "--port", "0", "--state", state.toString()))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // the emulator's own lines are not the benchmark's
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                }, "emulator-output");
                drain.setDaemon(true);
                drain.start();
                return new EmulatorProcess(p, m.group(1));
            }
            seen.append(line).append('\n');
        }
        p.destroyForcibly();
        throw new IOException("the emulator process ended before naming its address; it printed:\n" + seen);
    }

    /** {@code http://127.0.0.1:PORT}. */
    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    @Override
    public String toString() {
        return "EmulatorProcess[" + baseUrl + ", pid " + process.pid() + "]";
    }
}
