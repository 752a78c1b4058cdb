package dev.newsbatch.bench;

import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.Faults;
import dev.newsbatch.emulator.GeminiEmulator;
import dev.newsbatch.emulator.Quota;
import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.internal.gemini.GeminiConnection;
import dev.newsbatch.internal.realtime.RealtimeRunner;
import dev.newsbatch.internal.realtime.RealtimeSummary;
import dev.newsbatch.schema.ClassificationSchema;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real-time throughput against an emulator enforcing the same RPM: the runner's Resilience4j rate
 * limiter at {@code rpm}, each call through the real SDK with added latency. Prints achieved/configured
 * RPM and the 429s the emulator sent.
 *
 * <pre>{@code
 * java -cp ... dev.newsbatch.bench.RealtimeRateBenchmark [RPM] [ARTICLES] [LATENCY_MS]   # 600 1500 150
 * }</pre>
 */
public final class RealtimeRateBenchmark {
    private RealtimeRateBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rpm = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1500;
        int latency = args.length > 2 ? Integer.parseInt(args[2]) : 150;
        Quota quota = Quota.of("tier1", "gemini-3.1-flash-lite").requestsPerMinute(rpm).tokensPerMinute(1L << 40);
        try (GeminiEmulator emu = GeminiEmulator.start(EmulatorConfig.defaults().port(0).quota(quota)
                .faults(Faults.none().latency(Duration.ofMillis(latency))));
             GeminiConnection c = GeminiConnection.to(emu.baseUrl(), "bench")) {
            var schema = ClassificationSchema.news();
            AtomicLong ok = new AtomicLong();
            long t0 = System.nanoTime();
            RealtimeSummary s = RealtimeRunner.ofRpm(rpm).run(SampleArticles.of(n).iterator(),
                    a -> c.gateway().generate(dev.newsbatch.RunConfig.DEFAULT_MODEL, null, a.contents(), schema.responseSchema(),
                            null, false),
                    o -> {
                        if (o.status() == dev.newsbatch.internal.realtime.Outcome.Status.SUCCEEDED) {
                            ok.incrementAndGet();
                        }
                    });
            double wallMin = (System.nanoTime() - t0) / 60e9;
            System.out.printf("real-time: %d articles at %d RPM, %d ms latency%n", n, rpm, latency);
            System.out.printf("  succeeded %d, failed %d, requests %d, wall %.1f s%n", ok.get(), s.failed(),
                    s.requests(), wallMin * 60);
            System.out.printf("  achieved RPM (runner) %.1f -> ratio %.3f%n", s.achievedRpm(), s.achievedRpm() / rpm);
            System.out.printf("  achieved RPM (wall, first call to last answer) %.1f -> ratio %.3f%n",
                    n / wallMin, n / wallMin / rpm);
            System.out.printf("  429s sent by the emulator: %d; emulator %s%n", emu.stats().rateLimited(), emu.stats());
            System.out.printf(Locale.ROOT, "realtime-rpm %.3f ratio (goal >= 0.95, achieved/configured RPM)%n",
                    s.achievedRpm() / rpm);
            System.out.printf(Locale.ROOT, "realtime-429s %d count (goal = 0)%n", emu.stats().rateLimited());
            System.out.printf(Locale.ROOT, "realtime-succeeded %d articles (goal = %d)%n", ok.get(), n);
        }
    }
}
