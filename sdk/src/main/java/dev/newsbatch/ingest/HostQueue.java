package dev.newsbatch.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands out tasks so that at most {@code perHost} run at once for one host, going round the hosts so that a
 * busy host does not hold up the others.
 */
final class HostQueue<T> {
    private final int perHost;
    private final Map<String, ArrayDeque<T>> waiting = new LinkedHashMap<>();
    private final Map<String, Integer> running = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private int cursor;
    private int pending;

    HostQueue(int perHost) {
        this.perHost = perHost;
    }

    synchronized void add(String host, T task) {
        ArrayDeque<T> q = waiting.get(host);
        if (q == null) {
            q = new ArrayDeque<>();
            waiting.put(host, q);
            order.add(host);
        }
        q.add(task);
        pending++;
        notifyAll();
    }

    /** The next task whose host has room, waiting for one if needed; {@code null} when none is left. */
    synchronized Entry<T> take() throws InterruptedException {
        while (pending > 0) {
            for (int i = 0; i < order.size(); i++) {
                int at = (cursor + i) % order.size();
                String host = order.get(at);
                ArrayDeque<T> q = waiting.get(host);
                if (!q.isEmpty() && running.getOrDefault(host, 0) < perHost) {
                    cursor = (at + 1) % order.size();
                    pending--;
                    running.merge(host, 1, Integer::sum);
                    return new Entry<>(host, q.poll());
                }
            }
            wait();
        }
        return null;
    }

    /** Frees the host slot of a finished task. */
    synchronized void done(String host) {
        running.merge(host, -1, Integer::sum);
        notifyAll();
    }

    record Entry<T>(String host, T task) {}
}
