package dev.newsbatch.app.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.InsertAllRequest;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.GeminiEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over real HTTP: a run over a BigQuery table on Vertex AI, its rows written to another table, and bad bodies. */
class BigQueryRoutesTest {
    private static final String VERTEX = "\"vertex\":{\"project\":\"rest-project\",\"location\":\"us-central1\","
            + "\"gcsPrefix\":\"gs://rest-bucket/nb\"}";

    @TempDir
    static Path tmp;
    static GeminiEmulator emulator;
    static NewsbatchApi api;
    static HttpCalls http;
    static BigQuery bigQuery;

    @BeforeAll
    static void start() {
        emulator = GeminiEmulator.start(EmulatorConfig.defaults().port(0).stateDir(tmp.resolve("emulator"))
                .startDelay(Duration.ZERO));
        System.setProperty("newsbatch.vertex.baseUrl", emulator.baseUrl());
        System.setProperty("newsbatch.storage.host", emulator.baseUrl());
        System.setProperty("newsbatch.bigquery.host", emulator.baseUrl());
        api = NewsbatchApi.start(ApiSettings.ofDefaults().port(0).directory(tmp.resolve("batch_jobs"))
                .pollInterval(Duration.ofMillis(20)));
        http = new HttpCalls(api.baseUrl(), null);
        bigQuery = BigQueryOptions.newBuilder().setProjectId("rest-project").setHost(emulator.baseUrl())
                .setCredentials(NoCredentials.getInstance()).setRetrySettings(ServiceOptions.getNoRetrySettings())
                .build().getService();
        TableId id = TableId.of("rest-project", "news", "articles");
        bigQuery.create(TableInfo.of(id, StandardTableDefinition.of(Schema.of(
                Field.of("story_id", LegacySQLTypeName.STRING), Field.of("headline", LegacySQLTypeName.STRING),
                Field.of("contents", LegacySQLTypeName.STRING)))));
        InsertAllRequest.Builder rows = InsertAllRequest.newBuilder(id);
        for (int i = 0; i < 6; i++) {
            rows.addRow(Map.of("story_id", "r" + i, "headline", "Shares of Example Motors climb " + i,
                    "contents", "Example Motors reported record deliveries in quarter " + i + "; its shares rose."));
        }
        assertFalse(bigQuery.insertAll(rows.build()).hasErrors());
    }

    @AfterAll
    static void stop() {
        api.close();
        emulator.close();
        System.clearProperty("newsbatch.vertex.baseUrl");
        System.clearProperty("newsbatch.storage.host");
        System.clearProperty("newsbatch.bigquery.host");
    }

    @Test
    void aTableInAndATableOut() {
        HttpCalls.Answer submitted = http.post("/batch/submit-bigquery", "{\"table\":\"bq://rest-project.news.articles\","
                + "\"columns\":{\"id\":\"story_id\",\"title\":\"headline\"},\"batch_name\":\"bqrun\","
                + "\"wait_for_completion\":true," + VERTEX.replace("}", ",\"bigQueryDataset\":\"bq://rest-project.staging\"}")
                + "}");
        assertEquals(200, submitted.status(), submitted.toString());
        assertEquals("COMPLETED", submitted.json().get("status").asText(), submitted.toString());
        assertTrue(emulator.vertexCreateRequests().size() >= 1, submitted.toString());
        assertTrue(emulator.vertexCreateRequests().get(0).contains("bq://rest-project.staging.newsbatch_requests_"),
                emulator.vertexCreateRequests().toString());

        HttpCalls.Answer written = http.post("/batch/runs/bqrun/results/bigquery",
                "{\"table\":\"bq://rest-project.news.classified\"}");
        assertEquals(200, written.status(), written.toString());
        assertEquals(6, written.json().get("rows").asInt(), written.toString());
        assertEquals(6, http.post("/batch/runs/bqrun/results/bigquery",
                "{\"table\":\"bq://rest-project.news.classified\"}").json().get("rows").asInt());
        TableId out = TableId.of("rest-project", "news", "classified");
        Set<String> ids = new HashSet<>();
        for (FieldValueList row : bigQuery.listTableData(out, bigQuery.getTable(out).getDefinition().getSchema())
                .iterateAll()) {
            ids.add(row.get("id").getStringValue());
        }
        assertEquals(Set.of("r0", "r1", "r2", "r3", "r4", "r5"), ids);
    }

    @Test
    void badBodiesAre400sNamingTheField() {
        HttpCalls.Answer missing = http.post("/batch/submit-bigquery", "{\"batch_name\":\"x\"}");
        assertEquals(400, missing.status(), missing.toString());
        assertEquals("table", missing.json().get("field").asText(), missing.toString());
        HttpCalls.Answer malformed = http.post("/batch/submit-bigquery", "{\"table\":\"news.articles\"}");
        assertEquals(400, malformed.status(), malformed.toString());
        assertTrue(malformed.json().get("detail").asText().contains("bq://project.dataset.table"), malformed.toString());
        HttpCalls.Answer field = http.post("/batch/submit-bigquery", "{\"table\":\"bq://rest-project.news.articles\","
                + "\"columns\":{\"body\":\"contents\"}}");
        assertEquals(400, field.status(), field.toString());
        assertEquals("columns.body", field.json().get("field").asText(), field.toString());
        HttpCalls.Answer column = http.post("/batch/submit-bigquery", "{\"table\":\"bq://rest-project.news.articles\","
                + "\"batch_name\":\"nocol\"," + VERTEX + "}");
        assertEquals(400, column.status(), column.toString());
        assertTrue(column.json().get("detail").asText().contains("no column \"id\" for the article's id"),
                column.toString());
        HttpCalls.Answer noRun = http.post("/batch/runs/nothing/results/bigquery",
                "{\"table\":\"bq://rest-project.news.x\"}");
        assertEquals(404, noRun.status(), noRun.toString());
        HttpCalls.Answer noTable = http.post("/batch/runs/nothing/results/bigquery", "{}");
        assertEquals(404, noTable.status(), noTable.toString());
    }
}
