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
 *
 * <p>The count of running tasks per host is shared by every queue in the process: two queues (for example two
 * batches fetching at the same time) together never run more than {@code perHost} tasks for one host.
 */
final class HostQueue<T> {
    /** Guards {@link #RUNNING} and the state of every queue; waited on for a free host slot. */
    private static final Object LOCK = new Object();
    /** Tasks running per host, over all queues. */
    private static final Map<String, Integer> RUNNING = new HashMap<>();

    private final int perHost;
    private final Map<String, ArrayDeque<T>> waiting = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();
    private int cursor;
    private int pending;

    HostQueue(int perHost) {
        this.perHost = perHost;
    }

    void add(String host, T task) {
        synchronized (LOCK) {
            ArrayDeque<T> q = waiting.get(host);
            if (q == null) {
                q = new ArrayDeque<>();
                waiting.put(host, q);
                order.add(host);
            }
            q.add(task);
            pending++;
            LOCK.notifyAll();
        }
    }

    /** The next task whose host has room, waiting for one if needed; {@code null} when none is left. */
    Entry<T> take() throws InterruptedException {
        synchronized (LOCK) {
            while (pending > 0) {
                for (int i = 0; i < order.size(); i++) {
                    int at = (cursor + i) % order.size();
                    String host = order.get(at);
                    ArrayDeque<T> q = waiting.get(host);
                    if (!q.isEmpty() && RUNNING.getOrDefault(host, 0) < perHost) {
                        cursor = (at + 1) % order.size();
                        pending--;
                        RUNNING.merge(host, 1, Integer::sum);
                        return new Entry<>(host, q.poll());
                    }
                }
                LOCK.wait();
            }
            return null;
        }
    }

    /** Frees the host slot of a finished task. */
    void done(String host) {
        synchronized (LOCK) {
            RUNNING.computeIfPresent(host, (h, n) -> n > 1 ? n - 1 : null);
            LOCK.notifyAll();
        }
    }

    record Entry<T>(String host, T task) {}
}
