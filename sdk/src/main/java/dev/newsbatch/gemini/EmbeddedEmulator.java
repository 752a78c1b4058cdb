package dev.newsbatch.gemini;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts the local Gemini emulator inside this JVM, once per state directory, and keeps it until the
 * JVM exits. Loaded reflectively: the emulator is a runtime dependency only.
 */
final class EmbeddedEmulator {
    private static final Map<Path, String> RUNNING = new ConcurrentHashMap<>();

    private EmbeddedEmulator() {}

    /** The base URL of the emulator serving {@code stateDir}, starting it if needed. */
    static String baseUrlFor(Path stateDir) {
        return RUNNING.computeIfAbsent(stateDir.toAbsolutePath().normalize(), EmbeddedEmulator::start);
    }

    private static String start(Path stateDir) {
        try {
            Class<?> configType = Class.forName("dev.newsbatch.emulator.EmulatorConfig");
            Class<?> emulatorType = Class.forName("dev.newsbatch.emulator.GeminiEmulator");
            Object config = configType.getMethod("defaults").invoke(null);
            config = configType.getMethod("port", int.class).invoke(config, 0);
            config = configType.getMethod("stateDir", Path.class).invoke(config, stateDir);
            Object emulator = emulatorType.getMethod("start", configType).invoke(null, config);
            Method close = emulatorType.getMethod("close");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    close.invoke(emulator);
                } catch (ReflectiveOperationException ignored) {
                    // the JVM is exiting; nothing to save
                }
            }, "newsbatch-emulator-stop"));
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
}
