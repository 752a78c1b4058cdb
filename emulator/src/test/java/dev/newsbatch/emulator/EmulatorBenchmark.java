package dev.newsbatch.emulator;

import com.google.genai.Client;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.UploadFileConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints the emulator's throughput through the real google-genai client: generateContent requests per second
 * (news schema, several client threads) and upload/download MB/s. Not a test; run it by hand:
 * <pre>{@code
 * java -cp <test classpath> dev.newsbatch.emulator.EmulatorBenchmark [seconds] [threads] [megabytes]
 * }</pre>
 */
public final class EmulatorBenchmark {
    private EmulatorBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int megabytes = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        Path dir = Files.createTempDirectory("emulator-bench");
        Quota unlimited = Quota.of("tier3", "gemini-3.1-flash-lite").requestsPerMinute(Long.MAX_VALUE)
                .tokensPerMinute(Long.MAX_VALUE).requestsPerDay(Long.MAX_VALUE);
        try (GeminiEmulator emu = GeminiEmulator.start(EmulatorConfig.defaults().stateDir(dir).quota(unlimited))) {
            measure(emu, dir, seconds, threads, megabytes);
        } finally {
            EmulatorJobsBenchmark.deleteTree(dir);
        }
    }

    private static void measure(GeminiEmulator emu, Path dir, int seconds, int threads, int megabytes)
            throws Exception {
        Client client = Sdk.client(emu);
        GenerateContentConfig config = GenerateContentConfig.builder().responseMimeType("application/json")
                .responseJsonSchema(Json.MAPPER.convertValue(Json.parse(Articles.NEWS_SCHEMA), java.util.Map.class))
                .build();
        for (int i = 0; i < 200; i++) {
            client.models.generateContent("gemini-3.1-flash-lite", Articles.FINANCIAL, config);
        }
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    client.models.generateContent("gemini-3.1-flash-lite", Articles.FINANCIAL, config);
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("generateContent: %d requests in %.1f s with %d client threads = %.0f requests/s%n",
                done.get(), elapsed, threads, done.get() / elapsed);

        byte[] bytes = Articles.jsonl(1).clone();
        byte[] data = new byte[megabytes * 1024 * 1024 + 17];
        for (int i = 0; i < data.length; i++) {
            data[i] = bytes[i % bytes.length];
        }
        client.files.upload(new byte[1024 + 1], UploadFileConfig.builder().mimeType("application/jsonl").build());
        long t0 = System.nanoTime();
        String name = client.files.upload(data, UploadFileConfig.builder().mimeType("application/jsonl").build())
                .name().orElseThrow();
        double up = (System.nanoTime() - t0) / 1e9;
        Path local = dir.resolve("download.bin");
        long t1 = System.nanoTime();
        client.files.download(name, local.toString(), null);
        double down = (System.nanoTime() - t1) / 1e9;
        double mb = data.length / 1e6;
        System.out.printf("upload: %.1f MB in %.2f s = %.0f MB/s%n", mb, up, mb / up);
        System.out.printf("download: %.1f MB in %.2f s = %.0f MB/s%n", mb, down, mb / down);
        System.out.println(emu.stats());
        System.out.printf(Locale.ROOT, "emulator-generate %.0f requests/s (goal >= 100, %d threads)%n",
                done.get() / elapsed, threads);
        System.out.printf(Locale.ROOT, "emulator-upload %.0f MB/s (goal >= 20)%n", mb / up);
        System.out.printf(Locale.ROOT, "emulator-download %.0f MB/s (goal >= 20)%n", mb / down);
    }
}
