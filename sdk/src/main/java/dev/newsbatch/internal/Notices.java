package dev.newsbatch.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One-line notices, each shown once per JVM: to standard error, or to the display hook a notebook
 * integration has installed (through {@code ProgressBar.liveOutputs}), which shows them as notes.
 */
public final class Notices {
    private static final Set<String> SHOWN = ConcurrentHashMap.newKeySet();
    private static volatile Consumer<String> route;

    private Notices() {}

    /** Shows {@code message} unless it was shown before. */
    public static void once(String message) {
        if (SHOWN.add(message)) {
            Consumer<String> r = route;
            if (r == null) {
                System.err.println(message);
            } else {
                try {
                    r.accept(message);
                } catch (RuntimeException e) {
                    System.err.println(message);
                }
            }
        }
    }

    /** Sends later notices to {@code to}; null sends them to standard error again. */
    public static void route(Consumer<String> to) {
        route = to;
    }
}
