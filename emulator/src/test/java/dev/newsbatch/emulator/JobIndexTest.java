package dev.newsbatch.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.Client;
import com.google.genai.types.BatchJobSource;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory job index: with thousands of jobs on disk, a get reads at most the one job file asked for and a
 * list page at most the job files of that page (counted by the store, not timed); other emulators' changes and
 * files rewritten behind the index's back still show.
 */
class JobIndexTest {
    static final String MODEL = Sdk.defaultModel();
    static final int JOBS = 2_000;

    @TempDir
    Path dir;
    TestClock clock = TestClock.at("2026-03-01T10:00:00Z");

    /** Job {@code i}: created an hour before {@code start} plus {@code i} ms, pending for ten hours. */
    static JobFacts job(int i, Instant start) {
        return new JobFacts(String.format("job%033d", i), "models/" + ModelCatalog.bare(MODEL), "job " + i,
                start.minus(Duration.ofHours(1)).plusMillis(i).toString(), null, 1, 10, List.of(), 10.0,
                Duration.ofHours(10).toMillis(),
                "SUCCEEDED", 1, 0, 0, null, true, i + 1, null, 0, 0, 0, List.of());
    }

    /** Writes {@code n} jobs straight into the state directory, as an earlier emulator would have left them. */
    static void writeJobs(Path dir, int n, Instant start) {
        StateStore store = new StateStore(dir);
        for (int i = 0; i < n; i++) {
            JobFacts f = job(i, start);
            store.writeJson(store.jobFacts(f.id()), f);
        }
    }

    EmulatorConfig config() {
        return EmulatorConfig.defaults().stateDir(dir).clock(clock).startDelay(Duration.ofSeconds(1))
                .quota(Quota.of("tier3", MODEL).concurrentBatchJobs(1_000_000).enqueuedBatchTokens(1_000_000_000L));
    }

    static JsonNode getJson(GeminiEmulator emu, String path) {
        HttpResponse<String> r = Sdk.get(emu, path, "k");
        assertEquals(200, r.statusCode(), r.body());
        return Json.parse(r.body());
    }

    @Test
    void getAndListReadAtMostTheJobFilesTheyAnswerWithThousandsOfJobs() {
        writeJobs(dir, JOBS, clock.instant());
        try (GeminiEmulator emu = GeminiEmulator.start(config())) {
            StateStore store = emu.store();
            assertEquals(JOBS, store.jobFileReads(), "the index is loaded once, at start");
            Client client = Sdk.client(emu);

            for (int i : new int[] {0, 1, JOBS / 2, JOBS - 1}) {
                long before = store.jobFileReads();
                assertEquals("job " + i, client.batches.get("batches/" + job(i, clock.instant()).id(), null)
                        .displayName().orElseThrow());
                assertTrue(store.jobFileReads() - before <= 1, "a get read " + (store.jobFileReads() - before));
            }

            Set<String> seen = new HashSet<>();
            String token = null;
            int pages = 0;
            do {
                long before = store.jobFileReads();
                JsonNode page = getJson(emu, "/v1beta/batches?pageSize=100"
                        + (token == null ? "" : "&pageToken=" + token));
                long reads = store.jobFileReads() - before;
                assertTrue(reads <= 100, "a page of 100 read " + reads + " job files");
                for (JsonNode op : page.path("operations")) {
                    assertTrue(seen.add(op.path("name").asText()));
                }
                token = page.path("nextPageToken").asText(null);
                pages++;
            } while (token != null);
            assertEquals(JOBS, seen.size());
            assertEquals(JOBS / 100, pages);

            JsonNode first = getJson(emu, "/v1beta/batches?pageSize=3").path("operations");
            assertEquals("batches/" + job(JOBS - 1, clock.instant()).id(), first.get(0).path("name").asText(),
                    "newest first");

            // a job created through the SDK joins the index and the shared queue behind all the others
            long before = store.jobFileReads();
            String created = client.batches.create(MODEL, BatchJobSource.builder().inlinedRequests(
                    List.of(com.google.genai.types.InlinedRequest.builder().contents(
                            com.google.genai.types.Content.fromParts(com.google.genai.types.Part.fromText("hi")))
                            .build())).build(), null).name().orElseThrow();
            assertEquals(created, getJson(emu, "/v1beta/batches?pageSize=1").path("operations").get(0)
                    .path("name").asText());
            assertEquals("JOB_STATE_PENDING", client.batches.get(created, null).state().orElseThrow().toString());
            assertTrue(store.jobFileReads() - before <= 2, "create, list and get read " + (store.jobFileReads() - before));

            // deleting a job takes it out of the listing without reading the others
            before = store.jobFileReads();
            client.batches.delete("batches/" + job(JOBS - 1, clock.instant()).id(), null);
            JsonNode top = getJson(emu, "/v1beta/batches?pageSize=2").path("operations");
            assertEquals(created, top.get(0).path("name").asText());
            assertEquals("batches/" + job(JOBS - 2, clock.instant()).id(), top.get(1).path("name").asText());
            assertTrue(store.jobFileReads() - before <= 3, "delete and list read " + (store.jobFileReads() - before));
        }
    }

    @Test
    void changesByAnotherEmulatorOnTheDirectoryAreReadAloneNotWithAllJobs() {
        writeJobs(dir, 500, clock.instant());
        try (GeminiEmulator a = GeminiEmulator.start(config()); GeminiEmulator b = GeminiEmulator.start(config())) {
            String id = "batches/" + job(7, clock.instant()).id();
            assertEquals("JOB_STATE_PENDING", Sdk.client(a).batches.get(id, null).state().orElseThrow().toString());
            Sdk.client(b).batches.cancel(id, null);
            long before = a.store().jobFileReads();
            assertEquals("JOB_STATE_CANCELLED", Sdk.client(a).batches.get(id, null).state().orElseThrow().toString());
            assertEquals(1, a.store().jobFileReads() - before, "only the cancelled job is read again");

            // a job b creates is listed by a
            String created = Sdk.client(b).batches.create(MODEL, BatchJobSource.builder().fileName(
                    ContractTest.upload(Sdk.client(b), Articles.jsonl(2), "in").name().orElseThrow()).build(), null)
                    .name().orElseThrow();
            before = a.store().jobFileReads();
            assertEquals(created, getJson(a, "/v1beta/batches?pageSize=1").path("operations").get(0)
                    .path("name").asText());
            assertTrue(a.store().jobFileReads() - before <= 1);

            // b deletes a job: a no longer lists it
            Sdk.client(b).batches.delete(created, null);
            JsonNode top = getJson(a, "/v1beta/batches?pageSize=1").path("operations");
            assertEquals("batches/" + job(499, clock.instant()).id(), top.get(0).path("name").asText());
        }
    }

    @Test
    void aJobFileRewrittenBehindTheIndexIsReadAgainWhenAskedFor() {
        writeJobs(dir, 20, clock.instant());
        try (GeminiEmulator emu = GeminiEmulator.start(config())) {
            String id = "batches/" + job(3, clock.instant()).id();
            Client client = Sdk.client(emu);
            assertEquals("JOB_STATE_PENDING", client.batches.get(id, null).state().orElseThrow().toString());
            StateStore other = new StateStore(dir);   // writes the file without the journal
            JobFacts f = job(3, clock.instant());
            other.writeJson(other.jobFacts(f.id()), f.cancelledAt(clock.instant().plusSeconds(1)));
            clock.advance(Duration.ofSeconds(2));
            assertEquals("JOB_STATE_CANCELLED", client.batches.get(id, null).state().orElseThrow().toString());
        }
        // a restart rebuilds the index from the files
        try (GeminiEmulator emu = GeminiEmulator.start(config())) {
            assertEquals(20, emu.store().jobFileReads());
            assertEquals("JOB_STATE_CANCELLED", Sdk.client(emu).batches.get("batches/" + job(3, clock.instant()).id(),
                    null).state().orElseThrow().toString());
            assertFalse(getJson(emu, "/v1beta/batches?pageSize=1000").path("operations").isEmpty());
        }
    }
}
