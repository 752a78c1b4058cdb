package dev.newsbatch.app.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over real HTTP: a submission with its own {@code schema}, its result rows, and a bad or conflicting schema. */
class SchemaRoutesTest {
    private static final Set<String> TOPICS = Set.of("politics", "business", "technology", "sports", "health", "other");

    @TempDir
    static Path tmp;
    static NewsbatchApi api;
    static HttpCalls http;
    static String schema;

    @BeforeAll
    static void start() throws Exception {
        api = NewsbatchApi.start(ApiSettings.ofDefaults().port(0).directory(tmp.resolve("batch_jobs"))
                .pollInterval(Duration.ofMillis(50)));
        http = new HttpCalls(api.baseUrl(), null);
        schema = Files.readString(Path.of("..", "samples", "topic_schema.json"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String body(String name, String schemaJson) {
        String articles = HttpCalls.articles(3, name, true);
        return articles.substring(0, articles.lastIndexOf('}')) + ",\"schema\":" + schemaJson + "}";
    }

    @Test
    void rowsOfASubmissionWithASchemaHaveThatSchemasFields() {
        HttpCalls.Answer submitted = http.post("/batch/submit-contents", body("topics", schema));
        assertEquals(200, submitted.status(), submitted.toString());
        assertEquals("COMPLETED", submitted.json().get("status").asText(), submitted.toString());
        assertTrue(submitted.json().get("summary").get("field_counts").has("topic"), submitted.toString());
        assertFalse(submitted.json().get("summary").has("sentiment"), submitted.toString());

        HttpCalls.Answer results = http.get("/batch/runs/topics/results");
        assertEquals(200, results.status(), results.toString());
        assertEquals(3, results.json().get("results").size(), results.toString());
        for (JsonNode row : results.json().get("results")) {
            assertTrue(TOPICS.contains(row.path("topic").asText()), row.toString());
            assertTrue(row.path("keywords").isArray(), row.toString());
            assertFalse(row.has("is_financial"), row.toString());
        }
        String jobId = submitted.json().get("job_id").asText();
        HttpCalls.Answer job = http.get("/batch/results/" + jobId + "/topics");
        assertEquals(200, job.status(), job.toString());
        assertTrue(TOPICS.contains(job.json().get("results").get(0).path("topic").asText()), job.toString());
    }

    @Test
    void aBadSchemaIsA400NamingItsJsonPath() {
        HttpCalls.Answer a = http.post("/batch/submit-contents", body("bad",
                "{\"type\":\"object\",\"properties\":{\"score\":{\"type\":\"float\"}}}"));
        assertEquals(400, a.status(), a.toString());
        assertEquals("schema", a.json().get("field").asText(), a.toString());
        assertTrue(a.json().get("detail").asText().contains("$.properties.score.type must be one of object, string"),
                a.toString());
        HttpCalls.Answer notObject = http.post("/batch/submit-contents", body("bad2", "[1]"));
        assertEquals(400, notObject.status(), notObject.toString());
        assertEquals("schema", notObject.json().get("field").asText(), notObject.toString());
    }

    @Test
    void anotherSchemaUnderTheSameNameIsA409() {
        assertEquals(200, http.post("/batch/submit-contents", body("clash", schema)).status());
        assertEquals(200, http.post("/batch/submit-contents", body("clash", schema)).status());
        HttpCalls.Answer other = http.post("/batch/submit-contents", body("clash",
                "{\"type\":\"object\",\"properties\":{\"mood\":{\"type\":\"string\"}}}"));
        assertEquals(409, other.status(), other.toString());
        assertTrue(other.json().get("detail").asText().contains("now a JSON schema with fields [mood]"),
                other.toString());
    }
}
