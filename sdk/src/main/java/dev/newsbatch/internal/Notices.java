package dev.newsbatch.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One-line notices to standard error, each shown once per JVM. */
public final class Notices {
    private static final Set<String> SHOWN = ConcurrentHashMap.newKeySet();

    private Notices() {}

    public static void once(String message) {
        if (SHOWN.add(message)) {
            System.err.println(message);
        }
    }
}
