package dev.newsbatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.schema.Field;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchSpecTest {
    @TempDir
    Path dir;

    @Test
    void withersReturnNewSpecsAndLeaveTheOriginalUnchanged() {
        BatchSpec<NewsClassification> s0 = Batches.from(SampleArticles.of(3));
        BatchSpec<NewsClassification> s1 = s0.model("gemini-3.5-flash-lite");
        assertNotSame(s0, s1);
        assertEquals("gemini-3.1-flash-lite", s0.model());
        assertEquals("gemini-3.5-flash-lite", s1.model());
        BatchSpec<NewsClassification> s2 = s1.tier3().continuous().batchSize(10);
        assertEquals(Tier.TIER_1, s1.tier());
        assertEquals(RunMode.BATCH, s1.mode());
        assertEquals(1000, s1.batchSize());
        assertEquals(Tier.TIER_3, s2.tier());
        assertEquals(RunMode.CONTINUOUS, s2.mode());
    }

    @Test
    void anUnknownModelIsRefusedAtTheWitherNamingTheServedModels() {
        BatchSpec<NewsClassification> s = Batches.from(SampleArticles.of(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.model("gpt-4"));
        assertTrue(e.getMessage().contains("\"gpt-4\"") && e.getMessage().contains("gemini-3.1-flash-lite"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("gemini-2.5-flash,") && !e.getMessage().contains("gemini-2.5-flash]"),
                "a shut-down model is not offered: " + e.getMessage());
        assertEquals("gemini-3.1-flash-lite", s.model("models/gemini-3.1-flash-lite").model().replace("models/", ""));
    }

    @Test
    void aShutDownModelIsAcceptedForEstimatesAndRefusedAtSubmit() {
        BatchSpec<NewsClassification> s = Batches.from(SampleArticles.of(3)).model("gemini-2.5-flash").directory(dir);
        assertEquals(3, s.estimate().articles());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::submit);
        assertTrue(e.getMessage().contains("shut down"), e.getMessage());
    }

    @Test
    void anArticleHasAThreeArgumentConstructorAsOf() {
        assertEquals(Article.of("a1", "Rates rise", "The bank raised rates."),
                new Article("a1", "Rates rise", "The bank raised rates."));
        assertEquals(null, new Article("a1", null, "text").url());
    }

    @Test
    void toStringStaysShortForLargeBatches() {
        BatchSpec<NewsClassification> spec = Batches.from(SampleArticles.of(10_000)).tier1().waves().name("big");
        String text = spec.toString();
        assertTrue(text.length() < 200, text);
        assertTrue(text.contains("model=gemini-3.1-flash-lite") && text.contains("tier=TIER_1")
                && text.contains("articles=10000") && text.contains("mode=waves"), text);
    }

    @Test
    void badArgumentsNameTheirField() {
        BatchSpec<NewsClassification> s = Batches.from(SampleArticles.of(1));
        assertMessage(() -> s.model(" "), "model must not be blank");
        assertMessage(() -> s.tier("gold"), "tier must be one of free, tier1, tier2, tier3, was \"gold\"");
        assertMessage(() -> s.batchSize(0), "batchSize must be >= 1, was 0");
        assertMessage(() -> s.rpm(0), "rpm must be >= 1, was 0");
        assertMessage(() -> s.dailyCap(-1), "dailyCap must be >= 1, was -1");
        assertMessage(() -> s.budgetUsd(0), "budgetUsd must be > 0, was 0.0");
        assertMessage(() -> s.name("../etc"), "name must be 1-64 letters");
        assertMessage(() -> s.prompt("no placeholder"), "template must contain {contents}");
        assertMessage(() -> s.maxAttempts(0), "maxAttempts must be >= 1, was 0");
        assertMessage(() -> s.pollInterval(Duration.ZERO), "pollInterval must be > 0");
        assertMessage(() -> s.deadline(Duration.ofSeconds(-1)), "deadline must be > 0");
        assertMessage(() -> Batches.from((List<Article>) null), "articles must not be null");
    }

    @Test
    void fromFileListsEveryProblemWithLineAndField() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, """
                {"id":"a1","title":"ok","contents":"fine"}
                {"id":"a2","title":"no body"}
                {"id":"a1","title":"dup","contents":"x"}
                {not json
                """);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Batches.from(file));
        assertTrue(e.problems().size() >= 3, e.getMessage());
        assertTrue(e.getMessage().contains("bad.jsonl line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("contents"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
    }

    @Test
    void fromUrlsRejectsNonHttpUrlsNamingTheirPosition() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Batches.fromUrls(List.of("https://example.com/a", "ftp://example.com/b", "nonsense")));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("element 1") && e.getMessage().contains("ftp://example.com/b"),
                e.getMessage());
    }

    record Topic(@Field(values = {"markets", "sports", "culture", "weather"}) String topic,
                 @Field(min = 0, max = 10) int relevance) { }

    @Test
    void classifyIntoBuildsTheSchemaFromTheRecord() {
        BatchSpec<Topic> spec = Batches.from(SampleArticles.of(2)).classifyInto(Topic.class);
        assertEquals(List.of("topic", "relevance"), spec.schema().columns());
        String schema = spec.schema().responseSchema().toString();
        assertTrue(schema.contains("\"enum\":[\"markets\",\"sports\",\"culture\",\"weather\"]"), schema);
        assertTrue(spec.toString().contains("schema=Topic"), spec.toString());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
