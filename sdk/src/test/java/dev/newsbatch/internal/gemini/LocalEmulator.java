package dev.newsbatch.internal.gemini;

import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.GeminiEmulator;
import java.nio.file.Path;
import java.time.Duration;

/** An emulator on a free port that every spec of this JVM talks to until it is closed (tests). */
public final class LocalEmulator implements AutoCloseable {
    private final GeminiEmulator emulator;

    private LocalEmulator(GeminiEmulator emulator) {
        this.emulator = emulator;
    }

    /** Starts an emulator keeping its state in {@code stateDir}, whose batch jobs stay pending {@code startDelay}. */
    public static LocalEmulator start(Path stateDir, Duration startDelay) throws java.io.IOException {
        GeminiEmulator e = GeminiEmulator.start(EmulatorConfig.defaults().port(0).stateDir(stateDir)
                .startDelay(startDelay));
        System.setProperty(GeminiConnection.BASE_URL_PROPERTY, e.baseUrl());
        return new LocalEmulator(e);
    }

    /** The running emulator. */
    public GeminiEmulator emulator() {
        return emulator;
    }

    @Override
    public void close() {
        System.clearProperty(GeminiConnection.BASE_URL_PROPERTY);
        emulator.close();
    }
}
