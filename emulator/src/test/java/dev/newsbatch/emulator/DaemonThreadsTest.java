package dev.newsbatch.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An emulator started inside a program must not keep that program's JVM alive: every thread it starts (the
 * HTTP dispatcher and the request pool) is a daemon, and closing it ends them.
 */
class DaemonThreadsTest {

    @Test
    void everyThreadOfARunningEmulatorIsADaemon() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (GeminiEmulator emu = GeminiEmulator.start(EmulatorConfig.defaults())) {
            for (int i = 0; i < 4; i++) {
                assertEquals(200, Sdk.get(emu, "/v1beta/files", "any-key").statusCode());
            }
            List<Thread> started = startedSince(before);
            assertTrue(started.stream().anyMatch(t -> t.getName().startsWith("gemini-emulator-")),
                    "the request pool should be running: " + names(started));
            List<Thread> keepAlive = started.stream().filter(t -> !t.isDaemon()).collect(Collectors.toList());
            assertEquals(List.of(), keepAlive, "threads that would keep the JVM alive: " + names(keepAlive));
        }
    }

    @Test
    void closingEndsTheDispatcherAndThePool() throws InterruptedException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        List<Thread> started;
        try (GeminiEmulator emu = GeminiEmulator.start(EmulatorConfig.defaults())) {
            assertEquals(200, Sdk.get(emu, "/v1beta/batches", "any-key").statusCode());
            started = startedSince(before).stream()
                    .filter(t -> t.getName().startsWith("gemini-emulator-") || t.getName().equals("HTTP-Dispatcher"))
                    .collect(Collectors.toList());
        }
        assertTrue(started.stream().anyMatch(t -> t.getName().equals("HTTP-Dispatcher")), names(started));
        for (Thread t : started) {
            t.join(60_000); // a failure guard only: close() has stopped them already or is about to
        }
        List<Thread> alive = started.stream().filter(Thread::isAlive).collect(Collectors.toList());
        assertEquals(List.of(), alive, "still running after close(): " + names(alive));
    }

    private static List<Thread> startedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                .collect(Collectors.toList());
    }

    private static String names(List<Thread> threads) {
        return threads.stream().map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : "")).collect(Collectors.joining(", "));
    }
}
