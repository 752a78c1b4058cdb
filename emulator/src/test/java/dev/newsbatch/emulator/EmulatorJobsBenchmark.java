package dev.newsbatch.emulator;

import com.google.genai.Client;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Prints the time of one {@code batches.get} (through the real google-genai client) and of one
 * {@code batches.list} page of 10 (raw HTTP, first page and pages further on) with 1,000 and with 10,000 jobs
 * in the state directory, and the job files each call read. Not a test; run it by hand:
 * <pre>{@code
 * java -cp <test classpath> dev.newsbatch.emulator.EmulatorJobsBenchmark [calls]
 * }</pre>
 */
public final class EmulatorJobsBenchmark {
    private EmulatorJobsBenchmark() {}

    /** Microseconds per get and per list page, and job files read per call. */
    private record Result(double getMicros, double listMicros, double readsPerCall) {}

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int[] counts = {1_000, 10_000};
        Result[] results = new Result[counts.length];
        for (int c = 0; c < counts.length; c++) {
            results[c] = run(counts[c], calls);
            System.out.printf("%,d jobs: get %.0f us, list page %.0f us, %.2f job files read per call%n",
                    counts[c], results[c].getMicros(), results[c].listMicros(), results[c].readsPerCall());
        }
        Result small = results[0];
        Result large = results[counts.length - 1];
        System.out.printf(java.util.Locale.ROOT, "emulator-jobs-get-10k %.0f us (goal independent of the job count; "
                + "%.0f us with 1,000 jobs)%n", large.getMicros(), small.getMicros());
        System.out.printf(java.util.Locale.ROOT, "emulator-jobs-list-10k %.0f us (goal independent of the job count; "
                + "%.0f us with 1,000 jobs)%n", large.listMicros(), small.listMicros());
        System.out.printf(java.util.Locale.ROOT, "emulator-jobs-reads-per-call %.2f files (goal 0)%n",
                large.readsPerCall());
    }

    private static Result run(int jobs, int calls) throws Exception {
        Path dir = Files.createTempDirectory("emulator-jobs-bench");
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        try {
            JobIndexTest.writeJobs(dir, jobs, start);
            EmulatorConfig config = EmulatorConfig.defaults().stateDir(dir).clock(new TestClock(start));
            try (GeminiEmulator emu = GeminiEmulator.start(config)) {
                Client client = Sdk.client(emu);
                Random random = new Random(1);
                String[] tokens = new String[8];
                tokens[0] = "";
                String token = null;
                for (int i = 1; i < tokens.length; i++) {
                    token = Json.parse(Sdk.get(emu, "/v1beta/batches?pageSize=" + (jobs / 10)
                            + (token == null ? "" : "&pageToken=" + token), "k").body()).path("nextPageToken").asText();
                    tokens[i] = "&pageToken=" + token;
                }
                for (int i = 0; i < Math.min(500, calls); i++) {
                    get(client, random, jobs);
                    list(emu, tokens[i % tokens.length]);
                }
                long reads0 = emu.store().jobFileReads();
                long t0 = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    get(client, random, jobs);
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    list(emu, tokens[i % tokens.length]);
                }
                long t2 = System.nanoTime();
                double reads = (emu.store().jobFileReads() - reads0) / (2.0 * calls);
                return new Result((t1 - t0) / 1e3 / calls, (t2 - t1) / 1e3 / calls, reads);
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** Deletes a benchmark's working directory and everything in it. */
    static void deleteTree(Path dir) throws java.io.IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void get(Client client, Random random, int jobs) {
        client.batches.get("batches/" + JobIndexTest.job(random.nextInt(jobs), Instant.EPOCH).id(), null);
    }

    private static void list(GeminiEmulator emu, String token) {
        if (Sdk.get(emu, "/v1beta/batches?pageSize=10" + token, "k").statusCode() != 200) {
            throw new IllegalStateException("list failed");
        }
    }
}
