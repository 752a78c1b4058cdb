package dev.newsbatch.internal.gemini;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts the local Gemini emulator inside this JVM, once per state directory, and keeps it until the
 * JVM exits. It never holds the JVM up: all its threads are daemons, so a program that uses the
 * embedded default ends when its {@code main} returns, and a shutdown hook then closes the emulator.
 *
 * <p>The emulator ({@code newsbatch-emulator}) is a runtime dependency of the SDK: no SDK source names
 * its types, so they are reached here by name, through its documented entry point and nothing else.
 * The reflective calls amount to
 * <pre>{@code
 * GeminiEmulator emu = GeminiEmulator.start(EmulatorConfig.defaults().stateDir(stateDir)); // port 0
 * String baseUrl = emu.baseUrl();
 * }</pre>
 * and the emulator is stopped through {@link AutoCloseable}, which it implements.
 */
final class EmbeddedEmulator {
    private static final String PACKAGE = "dev.newsbatch.emulator.";
    private static final Map<Path, String> RUNNING = new ConcurrentHashMap<>();

    private EmbeddedEmulator() {}

    /** The base URL of the emulator serving {@code stateDir}, starting it if needed. */
    static String baseUrlFor(Path stateDir) {
        return RUNNING.computeIfAbsent(stateDir.toAbsolutePath().normalize(), EmbeddedEmulator::start);
    }

    private static String start(Path stateDir) {
        try {
            Class<?> configType = Class.forName(PACKAGE + "EmulatorConfig");
            Class<?> emulatorType = Class.forName(PACKAGE + "GeminiEmulator");
            Object config = configType.getMethod("stateDir", Path.class)
                    .invoke(configType.getMethod("defaults").invoke(null), stateDir);
            AutoCloseable emulator = (AutoCloseable) emulatorType.getMethod("start", configType).invoke(null, config);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(emulator), "newsbatch-emulator-stop"));
            return (String) emulatorType.getMethod("baseUrl").invoke(emulator);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no GOOGLE_API_KEY is set and the embedded emulator "
                    + "(newsbatch-emulator) is not on the class path", e);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("could not start the embedded Gemini emulator in "
                    + stateDir + ": " + cause.getMessage(), cause);
        }
    }

    private static void stop(AutoCloseable emulator) {
        try {
            emulator.close();
        } catch (Exception ignored) {
            // the JVM is exiting; nothing to save
        }
    }
}
