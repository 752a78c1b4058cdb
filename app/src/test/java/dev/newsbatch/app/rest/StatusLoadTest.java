package dev.newsbatch.app.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbatch.internal.gemini.GeminiConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /batch/status/{job_id}} while submissions run beside it. The test checks what the
 * answers say (the right job, every time) and that each submitted article reached the emulator once;
 * {@link #main} is the benchmark: wrk, a separate process, polls the status with 50 connections,
 * first alone, then beside 20 parallel submissions, and the figures are printed.
 */
class StatusLoadTest {
    static final int POLLERS = 8;
    static final int SUBMISSIONS = 20;
    static final int ARTICLES_PER_SUBMISSION = 3;
    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path tmp;

    @Test
    void statusAnswersTheRightJobWhileTwentySubmissionsAreInFlight() throws Exception {
        Path dir = tmp.resolve("batch_jobs");
        try (NewsbatchApi api = NewsbatchApi.start(ApiSettings.ofDefaults().port(0).directory(dir)
                .pollInterval(Duration.ofMillis(50)))) {
            HttpCalls http = new HttpCalls(api.baseUrl(), null);
            String polled = http.post("/batch/submit-contents", HttpCalls.articles(10, "polled", true)).json()
                    .get("job_id").asText();
            ExecutorService pool = Executors.newFixedThreadPool(POLLERS + SUBMISSIONS);
            AtomicBoolean submitting = new AtomicBoolean(true);
            CountDownLatch polling = new CountDownLatch(POLLERS);
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            AtomicLong answers = new AtomicLong();
            try {
                List<Future<?>> pollers = new ArrayList<>();
                for (int p = 0; p < POLLERS; p++) {
                    pollers.add(pool.submit(() -> {
                        do {
                            HttpCalls.Answer a = http.get("/batch/status/" + polled);
                            answers.incrementAndGet();
                            JsonNode n = a.status() == 200 ? a.json() : null;
                            if (n == null || !polled.equals(n.path("job_id").asText())
                                    || !"polled".equals(n.path("batch_name").asText())
                                    || !"SUCCEEDED".equals(n.path("state").asText())
                                    || n.path("total_count").asInt() != 10) {
                                if (wrong.size() < 5) {
                                    wrong.add(a.toString());   // a few, to read; the count says how many
                                }
                            }
                            polling.countDown();
                        } while (submitting.get());
                    }));
                }
                polling.await();
                List<Future<String>> submissions = new ArrayList<>();
                for (int s = 0; s < SUBMISSIONS; s++) {
                    int i = s;
                    submissions.add(pool.submit(() -> submitAndCheck(http, i)));
                }
                List<String> problems = new ArrayList<>();
                for (Future<String> f : submissions) {
                    String problem = f.get();
                    if (problem != null) {
                        problems.add(problem);
                    }
                }
                submitting.set(false);
                for (Future<?> f : pollers) {
                    f.get();
                }
                assertEquals(List.of(), problems, "submissions and their status answers");
                assertEquals(List.of(), List.copyOf(wrong), "status answers of the polled job");
                assertTrue(answers.get() >= POLLERS, "answers: " + answers.get());
            } finally {
                pool.shutdownNow();
            }
            Map<String, Integer> sent = keysAtTheEmulator(dir.resolve("emulator"));
            for (int s = 0; s < SUBMISSIONS; s++) {
                for (int a = 1; a <= ARTICLES_PER_SUBMISSION; a++) {
                    assertEquals(1, sent.getOrDefault("a-" + articleId(s, a), 0),
                            "times article " + articleId(s, a) + " reached the emulator");
                }
            }
            assertEquals(SUBMISSIONS * ARTICLES_PER_SUBMISSION + 10, sent.values().stream().mapToInt(i -> i).sum(),
                    "requests at the emulator: " + sent);
        }
    }

    /** Submits run {@code i} (waiting for the odd ones), then asks its job's status; null when all is right. */
    private static String submitAndCheck(HttpCalls http, int i) {
        String name = "parallel-" + i;
        HttpCalls.Answer a = http.post("/batch/submit-contents", body(name, i, i % 2 == 1));
        if (a.status() != 200) {
            return name + ": " + a;
        }
        String job = a.json().path("job_id").asText();
        HttpCalls.Answer s = http.get("/batch/status/" + job);
        JsonNode n = s.status() == 200 ? s.json() : null;
        if (n == null || !job.equals(n.path("job_id").asText()) || !name.equals(n.path("batch_name").asText())
                || n.path("total_count").asInt() != ARTICLES_PER_SUBMISSION) {
            return name + " status of " + job + ": " + s;
        }
        return null;
    }

    static String articleId(int submission, int article) {
        return "s" + submission + "-" + article;
    }

    /** A content submission of {@link #ARTICLES_PER_SUBMISSION} articles with ids unique to submission {@code i}. */
    static String body(String name, int i, boolean wait) {
        StringBuilder s = new StringBuilder("{\"contents\":[");
        for (int a = 1; a <= ARTICLES_PER_SUBMISSION; a++) {
            s.append(a > 1 ? "," : "").append("{\"id\":\"").append(articleId(i, a)).append("\",\"title\":\"Story ")
                    .append(i).append('.').append(a).append("\",\"contents\":\"Bosphorus Bank shares rose ").append(a)
                    .append(" percent after a record quarter.\"}");
        }
        return s.append("],\"batch_name\":\"").append(name).append("\",\"wait_for_completion\":").append(wait)
                .append('}').toString();
    }

    /** How often each request key is in a batch job's input, read from the emulator's own state. */
    static Map<String, Integer> keysAtTheEmulator(Path emulatorState) throws IOException {
        Map<String, Integer> sent = new HashMap<>();
        try (Stream<Path> files = Files.list(emulatorState.resolve("batches"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".input.jsonl")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    Matcher m = KEY.matcher(line);
                    if (m.find()) {
                        sent.merge(m.group(1), 1, Integer::sum);
                    }
                }
            }
        }
        return sent;
    }

    // ------------------------------------------------------------------ the benchmark

    /**
     * {@code ./bench.sh status-load [SECONDS]} (30 by default): wrk with 2 threads and 50 connections
     * on the status of a finished job, first alone, then beside {@value #SUBMISSIONS} clients submitting
     * runs one after another through the REST API; each phase measured after a warm-up of its own
     * (a third of SECONDS, 2 to 10 s). The emulator runs in a process of its own
     * ({@link EmulatorProcess}), as Google's service is not in the server's process. Exits 2 when wrk is missing.
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        if (!Wrk.installed()) {
            System.err.println("status-load: " + Wrk.INSTALL);
            System.exit(2);
        }
        Path root = Files.createTempDirectory("newsbatch-load");
        Path dir = root.resolve("batch_jobs");
        int code;
        // the emulator stands for Google's service: in a process of its own, as the real one is on other machines
        try (EmulatorProcess emulator = EmulatorProcess.start(root.resolve("emulator"))) {
            System.setProperty(GeminiConnection.BASE_URL_PROPERTY, emulator.baseUrl());
            code = measure(dir, seconds);
        } finally {
            deleteTree(root);   // the ledger, request files and the emulator's state of every submission
        }
        System.exit(code);
    }

    private static int measure(Path dir, int seconds) throws Exception {
        int code;
        try (NewsbatchApi api = NewsbatchApi.start(ApiSettings.ofDefaults().port(0).directory(dir)
                .pollInterval(Duration.ofMillis(50)))) {
            HttpCalls http = new HttpCalls(api.baseUrl(), null);
            String job = http.post("/batch/submit-contents", HttpCalls.articles(10, "load", true)).json()
                    .get("job_id").asText();
            String url = api.baseUrl() + "/batch/status/" + job;
            Duration warmUp = Duration.ofSeconds(Math.max(2, Math.min(10, seconds / 3)));
            Wrk.run(url, 2, 50, warmUp);
            Wrk.Figures alone = Wrk.run(url, 2, 50, Duration.ofSeconds(seconds));
            System.out.println("status alone: " + alone);
            Submitters submitters = Submitters.start(http, SUBMISSIONS);
            Wrk.Figures mixed;
            long submittedBefore;
            try {
                // warmed up as the status route was: the submissions' code (SDK, ledger, emulator) is
                // compiled in its first seconds, and the compiler's threads would take the processors
                Wrk.run(url, 2, 50, warmUp);
                submittedBefore = submitters.done.get();
                mixed = Wrk.run(url, 2, 50, Duration.ofSeconds(seconds));
            } finally {
                submitters.stop();
            }
            long submitted = submitters.done.get() - submittedBefore;
            System.out.println("status beside " + SUBMISSIONS + " submitting clients: " + mixed + "; " + submitters
                    + " (" + submitted + " while measured)");
            print("status-alone", alone);
            print("status-mixed", mixed);
            System.out.printf(Locale.ROOT, "status-mixed-submissions %d count (goal > 0, %d clients submitting)%n",
                    submitted, SUBMISSIONS);
            System.out.printf(Locale.ROOT, "status-mixed-submission-errors %d count (goal = 0)%n",
                    submitters.failed.get());
            code = alone.errors() == 0 && mixed.errors() == 0 && submitters.failed.get() == 0 ? 0 : 1;
        }
        return code;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void print(String name, Wrk.Figures f) {
        System.out.printf(Locale.ROOT, "%s-rate %.0f requests/s (goal: as high as the machine allows, 50 connections)%n",
                name, f.perSecond());
        System.out.printf(Locale.ROOT, "%s-p50 %.2f ms (goal: well under the p99)%n", name, f.p50Millis());
        System.out.printf(Locale.ROOT, "%s-p99 %.2f ms (goal <= 10)%n", name, f.p99Millis());
        System.out.printf(Locale.ROOT, "%s-errors %d count (goal = 0)%n", name, f.errors());
    }

    /** Clients submitting small runs through the REST API one after another until stopped. */
    private static final class Submitters {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong done = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
        final ExecutorService pool;

        private Submitters(int clients) {
            pool = Executors.newFixedThreadPool(clients);
        }

        static Submitters start(HttpCalls http, int clients) {
            Submitters s = new Submitters(clients);
            for (int c = 0; c < clients; c++) {
                int client = c;
                s.pool.execute(() -> {
                    for (int n = 0; s.running.get(); n++) {
                        int id = client * 100_000 + n;
                        HttpCalls.Answer a = http.post("/batch/submit-contents", body("mixed-" + id, id, false));
                        if (a.status() == 200) {
                            s.done.incrementAndGet();
                        } else {
                            s.failed.incrementAndGet();
                            if (s.firstErrors.size() < 3) {
                                s.firstErrors.add(a.toString());
                            }
                        }
                    }
                });
            }
            return s;
        }

        void stop() throws InterruptedException {
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
        }

        @Override
        public String toString() {
            return done.get() + " submissions, " + failed.get() + " failed" + (firstErrors.isEmpty() ? ""
                    : " (first: " + firstErrors + ")");
        }
    }
}
