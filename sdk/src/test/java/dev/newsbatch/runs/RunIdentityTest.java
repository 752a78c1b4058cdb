package dev.newsbatch.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.Article;
import dev.newsbatch.BatchRun;
import dev.newsbatch.BatchSpec;
import dev.newsbatch.Batches;
import dev.newsbatch.Jobs;
import dev.newsbatch.RunBusyException;
import dev.newsbatch.RunConflictException;
import dev.newsbatch.RunState;
import dev.newsbatch.emulator.GeminiEmulator;
import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.internal.gemini.GeminiConnection;
import dev.newsbatch.internal.gemini.LocalEmulator;
import dev.newsbatch.schema.NewsClassification;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's identity is its input, and one process drives a run at a time; what was sent is counted at the emulator. */
class RunIdentityTest {
    static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]+)\"");

    @TempDir
    Path tmp;
    LocalEmulator local;
    GeminiEmulator emulator;
    Path dir;

    @BeforeEach
    void start() throws Exception {
        local = LocalEmulator.start(tmp.resolve("emulator"), Duration.ofMillis(20));
        emulator = local.emulator();
        dir = Files.createDirectories(tmp.resolve("batch"));
    }

    @AfterEach
    void stop() {
        local.close();
    }

    Path articlesFile(List<Article> articles) throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (Article a : articles) {
            jsonl.append("{\"id\":\"").append(a.id()).append("\",\"title\":\"").append(a.title().replace("\"", "'"))
                    .append("\",\"contents\":\"").append(a.contents().replace("\"", "'").replace("\n", " ")).append("\"}\n");
        }
        return Files.writeString(tmp.resolve("articles.jsonl"), jsonl);
    }

    @Test
    void theSameCommandWithoutANameResumesItsRunAndSendsNothingNew() throws Exception {
        Path file = articlesFile(SampleArticles.of(30));
        BatchRun<NewsClassification> first = Batches.from(file).directory(dir).batchSize(10).submit();
        BatchRun<NewsClassification> again = Batches.from(file).directory(dir).batchSize(10).submit();

        assertEquals(first.id(), again.id());
        assertTrue(first.id().matches("run-[0-9a-f]{12}"), first.id());
        assertEquals(3, emulator.stats().batchesCreated());
        assertEquals(30, again.await().collect().size());
        assertEquals(3, emulator.stats().batchesCreated());
    }

    @Test
    void anotherModelOrPromptIsAnotherRun() throws Exception {
        Path file = articlesFile(SampleArticles.of(5));
        String a = Batches.from(file).directory(dir).submit().id();
        String b = Batches.from(file).directory(dir).model("gemini-3.5-flash-lite").submit().id();
        String c = Batches.from(file).directory(dir).prompt("Classify: {title}\n{contents}").submit().id();
        assertEquals(3, Set.of(a, b, c).size());
    }

    @Test
    void anExistingNameRefusesOtherRequestsAndSaysWhatDiffers() {
        List<Article> articles = SampleArticles.of(5);
        Batches.from(articles).name("fixed").directory(dir).submit();

        RunConflictException model = assertThrows(RunConflictException.class,
                () -> Batches.from(articles).name("fixed").directory(dir).model("gemini-3.1-pro-preview").submit());
        assertTrue(model.getMessage().contains("model was \"gemini-3.1-flash-lite\", now \"gemini-3.1-pro-preview\""),
                model.getMessage());

        List<Article> edited = new ArrayList<>(articles);
        Article old = edited.get(2);
        edited.set(2, Article.of(old.id(), old.title(), old.contents() + " (corrected)"));
        RunConflictException content = assertThrows(RunConflictException.class,
                () -> Batches.from(edited).name("fixed").directory(dir).submit());
        assertTrue(content.getMessage().contains("article " + old.id()), content.getMessage());
        assertEquals(1, emulator.stats().batchesCreated(), "nothing sent for a refused submission");
    }

    @Test
    void newArticleIdsUnderAnExistingNameAreAdded() {
        List<Article> all = SampleArticles.of(8);
        Batches.from(all.subList(0, 5)).name("grow").directory(dir).submit();
        BatchRun<NewsClassification> grown = Batches.from(all).name("grow").directory(dir).submit();
        assertEquals(8, grown.await().collect().size());
        assertEquals(2, emulator.stats().batchesCreated());
    }

    @Test
    void twentyParallelSubmissionsOfOneNameSendEachArticleOnce() throws Exception {
        List<Article> articles = SampleArticles.of(20);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<String>> same = new ArrayList<>();
        List<Future<String>> different = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                same.add(pool.submit(() -> Batches.from(articles.subList(0, 1)).name("same").directory(dir).submit().id()));
            }
            for (int i = 0; i < 20; i++) {
                Article a = articles.get(i);
                Callable<String> post = () -> Batches.from(a).name("different").directory(dir).submit().id();
                different.add(pool.submit(post));
            }
            for (Future<String> f : same) {
                assertEquals("same", f.get());
            }
            for (Future<String> f : different) {
                assertEquals("different", f.get());
            }
        } finally {
            pool.shutdown();
            // Every submission ends before the emulator does, even when one failed: none may leak into another test.
            assertTrue(pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES), "submissions still running");
        }
        assertEquals(1, keysAtEmulator("same").size());
        List<String> keys = keysAtEmulator("different");
        assertEquals(20, keys.size(), keys.toString());
        assertEquals(20, new HashSet<>(keys).size(), "an article sent twice: " + keys);
    }

    @Test
    void aSecondProcessCannotDriveTheRunButWatchingWorks() throws Exception {
        BatchSpec<NewsClassification> spec = Batches.from(SampleArticles.of(4)).name("owned").directory(dir)
                .pollInterval(Duration.ofMillis(20));
        BatchRun<NewsClassification> run = spec.submit();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
                dir.toRealPath().resolve("locks").resolve("owned.lock").toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());

            RunBusyException busy = assertThrows(RunBusyException.class, spec::submit);
            assertTrue(busy.getMessage().contains("pid " + holder.pid()), busy.getMessage());
            assertEquals(RunState.RUNNING, run.await(Duration.ofMillis(200)).state().state(),
                    "a watching await changes nothing");
            assertEquals(0, Jobs.list(dir).stream().filter(j -> j.state().isTerminal()).count());
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        assertEquals(4, run.await().collect().size(), "the run is free again once the holder is gone");
    }

    @Test
    void twoProcessesSubmittingOneRunSendEachArticleOnce() throws Exception {
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-D" + GeminiConnection.BASE_URL_PROPERTY + "=" + emulator.baseUrl(),
                    "-cp", System.getProperty("java.class.path"), SubmitChild.class.getName(), dir.toString(), "twin",
                    "30").redirectErrorStream(true).redirectOutput(tmp.resolve("child-" + i + ".log").toFile()).start());
        }
        List<Integer> exits = new ArrayList<>();
        for (Process c : children) {
            assertTrue(c.waitFor(3, java.util.concurrent.TimeUnit.MINUTES), "a child did not finish");
            exits.add(c.exitValue());
        }
        String logs = Files.readString(tmp.resolve("child-0.log")) + Files.readString(tmp.resolve("child-1.log"));
        assertTrue(exits.contains(0), exits + "\n" + logs);
        assertTrue(exits.stream().allMatch(e -> e == 0 || e == 3), exits + "\n" + logs);
        assertEquals(30, Batches.from(SampleArticles.of(30)).name("twin").directory(dir).batchSize(5).submit()
                .await().collect().size());
        List<String> keys = keysAtEmulator("twin");
        assertEquals(30, keys.size(), logs);
        assertEquals(30, new HashSet<>(keys).size(), "an article sent twice: " + keys + "\n" + logs);
    }

    private List<String> keysAtEmulator(String run) throws Exception {
        List<String> keys = new ArrayList<>();
        List<dev.newsbatch.internal.gemini.BatchJobInfo> jobs;
        try (GeminiConnection c = GeminiConnection.to(emulator.baseUrl(), "k")) {
            jobs = c.gateway().listBatches(1000);
        }
        for (var job : jobs) {
            if (!job.displayName().startsWith("newsbatch-" + run + "-")) {
                continue;
            }
            String id = job.name().substring(job.name().indexOf('/') + 1);
            for (String line : Files.readAllLines(emulator.stateDir().resolve("batches").resolve(id + ".input.jsonl"))) {
                Matcher m = KEY.matcher(line);
                if (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }
}
