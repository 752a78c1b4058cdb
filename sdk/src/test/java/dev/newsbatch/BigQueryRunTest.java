package dev.newsbatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TableResult;
import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.Endpoint;
import dev.newsbatch.emulator.Faults;
import dev.newsbatch.emulator.GeminiEmulator;
import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.internal.gemini.BigQueryTables;
import dev.newsbatch.internal.gemini.GeminiConnection;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose articles come from a BigQuery table and whose typed results go to another, on Vertex AI, against
 * the emulator through the real google-genai, google-cloud-storage and google-cloud-bigquery clients.
 */
class BigQueryRunTest {
    private static final String PROJECT = "test-project";

    @TempDir
    Path dir;

    private GeminiEmulator emulator;
    private BigQuery bigQuery;

    @BeforeEach
    void start() {
        emulator = GeminiEmulator.start(EmulatorConfig.defaults().port(0).stateDir(dir.resolve("emulator"))
                .startDelay(Duration.ZERO));
        System.setProperty(GeminiConnection.VERTEX_BASE_URL_PROPERTY, emulator.baseUrl());
        System.setProperty(GeminiConnection.STORAGE_HOST_PROPERTY, emulator.baseUrl());
        System.setProperty(BigQueryTables.HOST_PROPERTY, emulator.baseUrl());
        bigQuery = BigQueryOptions.newBuilder().setProjectId(PROJECT).setHost(emulator.baseUrl())
                .setCredentials(NoCredentials.getInstance()).setRetrySettings(ServiceOptions.getNoRetrySettings())
                .build().getService();
    }

    @AfterEach
    void stop() {
        System.clearProperty(GeminiConnection.VERTEX_BASE_URL_PROPERTY);
        System.clearProperty(GeminiConnection.STORAGE_HOST_PROPERTY);
        System.clearProperty(BigQueryTables.HOST_PROPERTY);
        emulator.close();
    }

    /** A table {@code story_id INT64, headline STRING, body STRING} holding {@code rows}. */
    private void articlesTable(String name, List<Map<String, Object>> rows) {
        TableId id = TableId.of(PROJECT, "news", name);
        bigQuery.create(TableInfo.of(id, StandardTableDefinition.of(Schema.of(
                Field.of("story_id", LegacySQLTypeName.INTEGER),
                Field.of("headline", LegacySQLTypeName.STRING),
                Field.of("body", LegacySQLTypeName.STRING)))));
        InsertAllRequest.Builder insert = InsertAllRequest.newBuilder(id);
        rows.forEach(insert::addRow);
        var response = bigQuery.insertAll(insert.build());
        assertTrue(!response.hasErrors(), String.valueOf(response.getInsertErrors()));
    }

    private static List<Map<String, Object>> rows(int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Article> articles = SampleArticles.of(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("story_id", 1000 + i);
            row.put("headline", articles.get(i).title());
            row.put("body", articles.get(i).contents());
            out.add(row);
        }
        return out;
    }

    private static final Map<String, String> COLUMNS = Map.of("id", "story_id", "title", "headline",
            "contents", "body");

    @Test
    void articlesComeFromATableAndTypedResultsGoToAnother() {
        articlesTable("articles", rows(30));
        // the first page read fails with a 503 once: the one retry policy reads it again
        emulator.faults(Faults.none().failNext(Endpoint.BQ_ROWS, 1, 503));
        BatchRun<NewsClassification> run = Batches.fromBigQuery("bq://test-project.news.articles", COLUMNS)
                .name("bq").directory(dir.resolve("batch")).batchSize(10).pollInterval(Duration.ofMillis(20))
                .vertex(PROJECT, "us-central1", "gs://news-archive/runs").submit();
        Results<NewsClassification> r = run.await().collect();
        assertEquals(30, r.size());
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        assertEquals(2, emulator.stats().requests(Endpoint.BQ_ROWS), "one page, read twice");
        Set<String> ids = r.rows().stream().map(Row::id).collect(Collectors.toSet());
        assertEquals(java.util.stream.IntStream.range(1000, 1030).mapToObj(String::valueOf).collect(Collectors.toSet()),
                ids);
        // the ledger records the run's jobs and items as for any other source
        assertEquals(3, Jobs.list(dir.resolve("batch")).size());
        assertEquals(30, Batches.resume("bq", dir.resolve("batch"), NewsClassification.class).status().done());

        assertEquals(30, r.toBigQuery("bq://test-project.news.classified"));
        assertEquals(30, r.toBigQuery("bq://test-project.news.classified"), "written whole, not appended");
        Table out = bigQuery.getTable(TableId.of(PROJECT, "news", "classified"));
        Schema schema = out.getDefinition().getSchema();
        assertEquals(LegacySQLTypeName.STRING, schema.getFields().get("id").getType());
        assertEquals(Field.Mode.REPEATED, schema.getFields().get("sector").getMode());
        assertEquals(LegacySQLTypeName.INTEGER, schema.getFields().get("confident_score").getType());
        assertEquals(LegacySQLTypeName.INTEGER, schema.getFields().get("input_tokens").getType());
        TableResult data = bigQuery.listTableData(out.getTableId(), schema);
        Set<String> written = new HashSet<>();
        for (FieldValueList row : data.iterateAll()) {
            written.add(row.get("id").getStringValue());
            String id = row.get("id").getStringValue();
            NewsClassification v = r.rows().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow().value();
            assertEquals(v.confidentScore(), row.get("confident_score").getLongValue());
            assertEquals(v.sector().size(), row.get("sector").getRepeatedValue().size());
        }
        assertEquals(ids, written);
    }

    @Test
    void jobsOnABigQueryDatasetReadRequestTablesAndWritePredictionTables() {
        articlesTable("articles", rows(30));
        emulator.faults(Faults.none().seed(7).itemErrorRate(0.3));
        VertexTarget target = VertexTarget.of(PROJECT, "us-central1", "gs://news-archive/runs")
                .withBigQuery("bq://test-project.staging");
        BatchRun<NewsClassification> run = Batches.fromBigQuery("bq://test-project.news.articles", COLUMNS)
                .name("bqjobs").directory(dir.resolve("batch")).batchSize(10).pollInterval(Duration.ofMillis(20))
                .maxAttempts(1).vertex(target).submit();
        Results<NewsClassification> r = run.await().collect();
        assertEquals(30, r.size() + r.errors().size());
        assertTrue(r.errors().size() > 0, "the injected item errors come back, mapped by key");
        assertTrue(r.errors().stream().allMatch(e -> e.kind() != ErrorKind.MISSING_LINE), r.errors().toString());
        List<String> creates = emulator.vertexCreateRequests();
        assertEquals(3, creates.size(), r.errors().stream().limit(3).map(Object::toString).toList() + " " + run.status());
        for (String create : creates) {
            assertTrue(create.contains("\"instancesFormat\":\"bigquery\""), create);
            assertTrue(create.contains("\"inputUri\":\"bq://test-project.staging.newsbatch_requests_"), create);
            assertTrue(create.contains("\"outputUri\":\"bq://test-project.staging.newsbatch_predictions_"), create);
        }
        // each job's request table holds its ten requests, each with its key as a label
        int requests = 0;
        for (Table t : bigQuery.listTables("staging").iterateAll()) {
            if (t.getTableId().getTable().startsWith("newsbatch_requests_")) {
                requests += bigQuery.getTable(t.getTableId()).getNumRows().intValue();
            }
        }
        assertEquals(30, requests);
        Set<String> ids = new HashSet<>();
        r.rows().forEach(x -> ids.add(x.id()));
        r.errors().forEach(e -> ids.add(e.id()));
        assertEquals(30, ids.size());
        // a later process that knows only the batch directory reads a job's results from its table
        String jobId = Jobs.list(dir.resolve("batch")).get(0).jobId();
        assertEquals(10, Jobs.results(jobId, dir.resolve("batch")).size()
                + Jobs.results(jobId, dir.resolve("batch")).errors().size());
    }

    @Test
    void badRowsAreListedByTableRowAndField() {
        List<Map<String, Object>> rows = rows(4);
        rows.get(1).remove("headline");
        rows.get(3).put("story_id", 1000);
        articlesTable("bad", rows);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Batches.fromBigQuery("bq://test-project.news.bad", COLUMNS));
        String all = e.problems().stream().map(InputProblem::toString).collect(Collectors.joining("\n"));
        assertTrue(e.getMessage().contains("in bq://test-project.news.bad:"), e.getMessage());
        assertTrue(all.contains("bq://test-project.news.bad row 2: field \"title\""), all);
        assertTrue(all.contains("bq://test-project.news.bad row 4: field \"id\" duplicates the id on row 1"), all);
    }

    @Test
    void aMissingColumnOrTableIsNamed() {
        articlesTable("plain", rows(2));
        IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
                () -> Batches.fromBigQuery("bq://test-project.news.plain"));
        assertTrue(column.getMessage().contains("no column \"id\" for the article's id; the table's columns are "
                + "story_id, headline, body (map it with id=COLUMN)"), column.getMessage());
        IllegalArgumentException table = assertThrows(IllegalArgumentException.class,
                () -> Batches.fromBigQuery("bq://test-project.news.nothing", COLUMNS));
        assertTrue(table.getMessage().contains("bq://test-project.news.nothing: no such table"), table.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> Batches.fromBigQuery("news.articles"));
        assertTrue(name.getMessage().contains("bq://project.dataset.table"), name.getMessage());
        IllegalArgumentException field = assertThrows(IllegalArgumentException.class,
                () -> Batches.fromBigQuery("bq://test-project.news.plain", Map.of("body", "body")));
        assertTrue(field.getMessage().contains("names one of id, title, contents, url, was \"body\""),
                field.getMessage());
    }
}
