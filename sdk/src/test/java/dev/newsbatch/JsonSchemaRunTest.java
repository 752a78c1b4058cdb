package dev.newsbatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.schema.Answer;
import dev.newsbatch.schema.ClassificationSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run classified into a schema given as JSON, on the embedded emulator, read back from the ledger. */
class JsonSchemaRunTest {
    private static final ClassificationSchema<Answer> TOPICS =
            ClassificationSchema.fromJson(Path.of("../samples/topic_schema.json"));

    @TempDir
    Path dir;

    @Test
    void rowsFollowTheSchemaAndExportItsColumns() throws Exception {
        Results<Answer> r = Batches.from(SampleArticles.of(12)).classifyInto(TOPICS).name("topics").directory(dir)
                .pollInterval(Duration.ofMillis(20)).submit().await().collect();
        assertEquals(12, r.size(), r.errors().toString());
        Set<String> topics = Set.of("politics", "business", "technology", "sports", "health", "other");
        for (Answer a : r.values()) {
            assertTrue(topics.contains(a.getString("topic")), a.toString());
            assertTrue(a.get("keywords").isArray(), a.toString());
            assertEquals(List.of(), TOPICS.validate(a.json()), a.toString());
        }
        List<String> csv = Files.readAllLines(r.toCsv(dir.resolve("t.csv")));
        assertEquals("id,title,url,topic,relevance,keywords,people,breaking,input_tokens,output_tokens", csv.get(0));
        assertTrue(csv.get(1).contains("[\""), csv.get(1));   // arrays as JSON text
        assertTrue(Files.readString(r.toJson(dir.resolve("t.json"))).contains("\"topic\""));
    }

    @Test
    void theRecordedSchemaRebuildsTheRowsWithoutBeingGivenAgain() {
        Batches.from(SampleArticles.of(5)).classifyInto(TOPICS).name("again").directory(dir)
                .pollInterval(Duration.ofMillis(20)).submit().await();
        BatchRun<? extends Record> run = Batches.resumeRecorded("again", dir);
        Results<? extends Record> r = run.collect();
        assertEquals(5, r.size());
        assertEquals(TOPICS.columns(), r.schema().columns());
        assertTrue(r.values().get(0) instanceof Answer, r.values().get(0).toString());
        assertEquals(TOPICS.json(), run.spec().config().classificationSchema().json());
    }

    @Test
    void anotherSchemaUnderTheSameNameIsAConflictAndTheSameOneIsNot() {
        BatchSpec<Answer> spec = Batches.from(SampleArticles.of(4)).classifyInto(TOPICS).name("named").directory(dir)
                .pollInterval(Duration.ofMillis(20));
        spec.submit().await();
        assertEquals(4, spec.submit().await().collect().size());
        ClassificationSchema<Answer> other = ClassificationSchema.fromJson(
                "{\"type\":\"object\",\"properties\":{\"mood\":{\"type\":\"string\"}}}");
        RunConflictException e = assertThrows(RunConflictException.class, () -> Batches.from(SampleArticles.of(4))
                .classifyInto(other).name("named").directory(dir).submit());
        assertTrue(e.getMessage().contains("schema was a JSON schema with fields [topic, relevance, keywords, people,"
                + " breaking]"), e.getMessage());
        assertTrue(e.getMessage().contains("now a JSON schema with fields [mood]"), e.getMessage());
        RunConflictException news = assertThrows(RunConflictException.class, () -> Batches.from(SampleArticles.of(4))
                .name("named").directory(dir).submit());
        assertTrue(news.getMessage().contains("now dev.newsbatch.schema.NewsClassification"), news.getMessage());
    }

    @Test
    void theEmulatorAnswersSchemasUnlikeTheNewsOne() {
        ClassificationSchema<Answer> odd = ClassificationSchema.fromJson("""
                {"type": "OBJECT", "properties": {
                  "score": {"type": "number", "minimum": -1, "maximum": 1},
                  "grid": {"type": "array", "minItems": 2, "items": {"type": "array", "items": {"type": "integer"}}},
                  "place": {"type": "object", "properties": {
                    "city": {"type": "string"}, "country": {"type": "string", "enum": ["TR", "DE"]},
                    "known": {"type": "boolean", "nullable": true}}, "required": ["city", "country"]},
                  "flags": {"type": "array", "items": {"type": "boolean"}, "maxItems": 3}},
                 "required": ["score", "grid", "place"], "propertyOrdering": ["place", "score", "grid", "flags"]}
                """);
        Results<Answer> r = Batches.from(SampleArticles.of(6)).classifyInto(odd).name("odd").directory(dir)
                .pollInterval(Duration.ofMillis(20)).submit().await().collect();
        assertEquals(6, r.size(), r.errors().toString());
        assertEquals(List.of("place", "score", "grid", "flags"), r.schema().columns());
        for (Answer a : r.values()) {
            assertEquals(List.of(), odd.validate(a.json()), a.toString());
            assertTrue(a.get("grid").size() >= 2, a.toString());
        }
    }

    @Test
    void theEstimateCountsTheSchemasTokens() {
        ClassificationSchema<Answer> tiny = ClassificationSchema.fromJson(
                "{\"type\":\"object\",\"properties\":{\"t\":{\"type\":\"string\"}}}");
        BatchSpec<?> articles = Batches.from(SampleArticles.of(10)).directory(dir);
        long small = articles.classifyInto(tiny).estimate().inputTokens();
        long large = articles.classifyInto(TOPICS).estimate().inputTokens();
        long perArticle = (TOPICS.json().orElseThrow().length() - tiny.json().orElseThrow().length()) / 8 * 10;
        assertTrue(large - small >= perArticle, small + " vs " + large + " (expected a difference of at least "
                + perArticle + ")");
    }

    @Test
    void newsRunsRecordNoSchemaJson() {
        Batches.from(SampleArticles.of(2)).name("news").directory(dir).pollInterval(Duration.ofMillis(20))
                .submit().await();
        RunConfig c = Batches.resume("news", dir, dev.newsbatch.schema.NewsClassification.class).spec().config();
        assertEquals(null, c.schemaJson());
        assertFalse(Batches.resumeRecorded("news", dir).spec().schema().json().isPresent());
    }
}
