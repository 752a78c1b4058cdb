package dev.newsbatch.app.rest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A load of concurrent clients polling one URL for a while: how many answers, how fast, how many
 * errors.
 *
 * <pre>{@code
 * LoadFigures f = StatusLoad.run(baseUrl + "/batch/status/" + jobId, 50, Duration.ofSeconds(30));
 * }</pre>
 */
final class StatusLoad {
    private StatusLoad() {}

    /** What a load run measured. */
    record LoadFigures(int clients, Duration duration, long requests, long errors, String firstError, double perSecond,
                       double p50Millis, double p99Millis, double maxMillis) {
        @Override
        public String toString() {
            return String.format("%d clients for %ds: %,d requests, %,d errors, %.0f req/s, p50 %.1f ms, p99 %.1f ms, "
                            + "max %.1f ms%s", clients, duration.toSeconds(), requests, errors, perSecond, p50Millis,
                    p99Millis, maxMillis, firstError == null ? "" : " (first error: " + firstError + ")");
        }
    }

    static LoadFigures run(String url, int clients, Duration duration) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[] errors = new long[clients];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            errors[client]++;
                            firstError.compareAndSet(null, r.statusCode() + " " + r.body());
                        }
                    } catch (java.io.IOException e) {
                        errors[client]++;
                        firstError.compareAndSet(null, e.toString());
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            for (long l : f.get()) {
                all.add(l);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        long errorCount = Arrays.stream(errors).sum();
        return new LoadFigures(clients, duration, sorted.length, errorCount, firstError.get(), sorted.length / seconds,
                percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
