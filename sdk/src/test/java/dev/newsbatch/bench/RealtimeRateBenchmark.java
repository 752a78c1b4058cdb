package dev.newsbatch.bench;

import dev.newsbatch.emulator.Endpoint;
import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.EmulatorStats;
import dev.newsbatch.emulator.Faults;
import dev.newsbatch.emulator.GeminiEmulator;
import dev.newsbatch.emulator.Quota;
import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.internal.gemini.GeminiConnection;
import dev.newsbatch.internal.realtime.Outcome;
import dev.newsbatch.internal.realtime.RealtimeRunner;
import dev.newsbatch.internal.realtime.RealtimeSummary;
import dev.newsbatch.schema.ClassificationSchema;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real-time throughput against an emulator enforcing the same RPM: the runner's Resilience4j rate
 * limiter at {@code rpm}, each call through the real SDK with added latency; first without faults, then
 * with {@code ERROR_RATE} of the calls answered 503 (0 skips that phase). Prints, per phase, the
 * requests per minute the emulator answered against the configured RPM, the 429s it sent, and whether
 * each article was answered (billed) once. A warm-up of 200 unlimited calls comes first.
 *
 * <pre>{@code
 * java -cp ... dev.newsbatch.bench.RealtimeRateBenchmark [RPM] [ARTICLES] [LATENCY_MS] [ERROR_RATE]   # 600 1500 150 0.05
 * }</pre>
 */
public final class RealtimeRateBenchmark {
    private RealtimeRateBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rpm = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1500;
        int latency = args.length > 2 ? Integer.parseInt(args[2]) : 150;
        double errorRate = args.length > 3 ? Double.parseDouble(args[3]) : 0.05;
        Faults slow = Faults.none().latency(Duration.ofMillis(latency));
        warmUp();
        phase("realtime", rpm, n, latency, slow);
        if (errorRate > 0) {
            phase("realtime-503", rpm, n, latency, slow.errorRate(Endpoint.GENERATE_CONTENT, errorRate, 503));
        }
    }

    /** 200 calls without a rate limit against an emulator of their own, so the phases measure pacing, not JIT. */
    private static void warmUp() throws Exception {
        try (GeminiEmulator emu = GeminiEmulator.start(EmulatorConfig.defaults().port(0));
             GeminiConnection c = GeminiConnection.to(emu.baseUrl(), "bench")) {
            var schema = ClassificationSchema.news();
            RealtimeRunner.ofRpm(6_000_000).run(SampleArticles.of(200).iterator(),
                    a -> c.gateway().generate(dev.newsbatch.RunConfig.DEFAULT_MODEL, null, a.contents(),
                            schema.responseSchema(), null, false), o -> { });
        }
    }

    private static void phase(String name, int rpm, int n, int latency, Faults faults) throws Exception {
        Quota quota = Quota.of("tier1", "gemini-3.1-flash-lite").requestsPerMinute(rpm).tokensPerMinute(1L << 40);
        try (GeminiEmulator emu = GeminiEmulator.start(EmulatorConfig.defaults().port(0).quota(quota).faults(faults));
             GeminiConnection c = GeminiConnection.to(emu.baseUrl(), "bench")) {
            var schema = ClassificationSchema.news();
            AtomicLong ok = new AtomicLong();
            RealtimeSummary s = RealtimeRunner.ofRpm(rpm).run(SampleArticles.of(n).iterator(),
                    a -> c.gateway().generate(dev.newsbatch.RunConfig.DEFAULT_MODEL, null, a.contents(),
                            schema.responseSchema(), null, false),
                    o -> {
                        if (o.status() == Outcome.Status.SUCCEEDED) {
                            ok.incrementAndGet();
                        }
                    });
            EmulatorStats stats = emu.stats();
            double minutes = s.elapsed().toNanos() / 60e9;
            double answeredRpm = stats.generateContentCalls() / minutes;
            System.out.printf(Locale.ROOT, "%s: %d articles at %d RPM, %d ms latency, faults %s%n", name, n, rpm,
                    latency, faults.errors().isEmpty() ? "none" : faults.errors());
            System.out.printf(Locale.ROOT, "  succeeded %d, failed %d, requests %d (%d retries), wall %.1f s%n",
                    ok.get(), s.failed(), s.requests(), s.retries(), minutes * 60);
            System.out.printf(Locale.ROOT, "  requests sent per minute %.1f; answered by the emulator per minute %.1f"
                    + " -> ratio %.3f%n", s.achievedRpm(), answeredRpm, answeredRpm / rpm);
            System.out.printf(Locale.ROOT, "  emulator %s%n", stats);
            System.out.printf(Locale.ROOT, "%s-rpm %.3f ratio (goal >= 0.98, requests answered per minute / configured"
                    + " RPM)%n", name, answeredRpm / rpm);
            System.out.printf(Locale.ROOT, "%s-429s %d count (goal = 0)%n", name, stats.rateLimited());
            System.out.printf(Locale.ROOT, "%s-succeeded %d articles (goal = %d)%n", name, ok.get(), n);
            System.out.printf(Locale.ROOT, "%s-answered %d requests (goal = %d, each article answered and billed "
                    + "once; %d answered 503)%n", name, stats.generateContentCalls(), n, stats.faultsInjected());
        }
    }
}
