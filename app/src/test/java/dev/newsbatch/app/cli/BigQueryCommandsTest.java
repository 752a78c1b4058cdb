package dev.newsbatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.Field;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code submit-contents bq://…} with {@code --columns}, and {@code results RUN --bigquery TABLE}. */
class BigQueryCommandsTest {
    private static final String[] VERTEX = {"--vertex-project", "cli-project", "--vertex-location", "us-central1",
        "--gcs-prefix", "gs://cli-bucket/nb"};

    @TempDir
    Path tmp;

    private GeminiEmulator emulator;
    private BigQuery bigQuery;

    @BeforeEach
    void start() {
        emulator = GeminiEmulator.start(EmulatorConfig.defaults().port(0).stateDir(tmp.resolve("emulator"))
                .startDelay(Duration.ZERO));
        System.setProperty("newsbatch.vertex.baseUrl", emulator.baseUrl());
        System.setProperty("newsbatch.storage.host", emulator.baseUrl());
        System.setProperty("newsbatch.bigquery.host", emulator.baseUrl());
        bigQuery = BigQueryOptions.newBuilder().setProjectId("cli-project").setHost(emulator.baseUrl())
                .setCredentials(NoCredentials.getInstance()).setRetrySettings(ServiceOptions.getNoRetrySettings())
                .build().getService();
        TableId id = TableId.of("cli-project", "news", "articles");
        bigQuery.create(TableInfo.of(id, StandardTableDefinition.of(Schema.of(
                Field.of("story_id", LegacySQLTypeName.STRING), Field.of("title", LegacySQLTypeName.STRING),
                Field.of("body", LegacySQLTypeName.STRING)))));
        InsertAllRequest.Builder rows = InsertAllRequest.newBuilder(id);
        for (int i = 0; i < 12; i++) {
            rows.addRow(Map.of("story_id", "s" + i, "title", "Bank of Examples raises rates " + i,
                    "body", "The central bank raised its policy rate by a quarter point on day " + i
                            + ", citing inflation; lenders' shares rose."));
        }
        assertFalse(bigQuery.insertAll(rows.build()).hasErrors());
    }

    @AfterEach
    void stop() {
        System.clearProperty("newsbatch.vertex.baseUrl");
        System.clearProperty("newsbatch.storage.host");
        System.clearProperty("newsbatch.bigquery.host");
        emulator.close();
    }

    private CliRun cli(String... args) {
        String[] all = new String[args.length + VERTEX.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(VERTEX, 0, all, args.length, VERTEX.length);
        return CliRun.in(tmp.resolve("batch_jobs"), all);
    }

    private CliRun plain(String... args) {
        return CliRun.in(tmp.resolve("batch_jobs"), args);
    }

    @Test
    void aTableInATableOutThroughTheCommandLine() {
        CliRun estimate = plain("estimate", "bq://cli-project.news.articles", "--columns", "id=story_id,contents=body");
        assertEquals(0, estimate.exitCode(), estimate.toString());
        assertTrue(estimate.out().contains("12"), estimate.toString());
        CliRun submit = cli("submit-contents", "bq://cli-project.news.articles", "--columns",
                "id=story_id,contents=body", "--name", "archive", "--wait", "--poll-ms", "20",
                "--bq-dataset", "bq://cli-project.staging");
        assertEquals(0, submit.exitCode(), submit.toString());
        assertTrue(emulator.vertexCreateRequests().get(0).contains("\"bigquerySource\""),
                emulator.vertexCreateRequests().toString());
        CliRun results = plain("results", "archive", "--bigquery", "bq://cli-project.news.classified", "--json");
        assertEquals(0, results.exitCode(), results.toString());
        assertEquals(12, results.json().path("bigquery_rows").asInt(), results.toString());
        assertEquals(12, bigQuery.getTable(TableId.of("cli-project", "news", "classified")).getNumRows().intValue());
        CliRun text = plain("results", "archive", "--bigquery", "bq://cli-project.news.classified");
        assertTrue(text.out().contains("BigQuery: bq://cli-project.news.classified (12 rows)"), text.toString());
        assertEquals(12, bigQuery.getTable(TableId.of("cli-project", "news", "classified")).getNumRows().intValue());
    }

    @Test
    void badTablesColumnsAndFlagsExitWithTwoAndSayWhatWasExpected() {
        CliRun column = cli("submit-contents", "bq://cli-project.news.articles", "--name", "x");
        assertEquals(2, column.exitCode(), column.toString());
        assertTrue(column.err().contains("no column \"id\" for the article's id; the table's columns are story_id, "
                + "title, body (map it with id=COLUMN)"), column.toString());
        CliRun table = cli("submit-contents", "bq://cli-project.news", "--name", "x");
        assertEquals(2, table.exitCode(), table.toString());
        assertTrue(table.err().contains("bq://project.dataset.table"), table.toString());
        CliRun onFile = cli("submit-contents", SampleArticles.jsonArray(tmp.resolve("in.json"), 2).toString(),
                "--columns", "id=story_id", "--name", "x");
        assertEquals(2, onFile.exitCode(), onFile.toString());
        assertTrue(onFile.err().contains("--columns is for a BigQuery table"), onFile.toString());
        CliRun dataset = cli("submit-contents", SampleArticles.jsonArray(tmp.resolve("in2.json"), 2).toString(),
                "--name", "y", "--bq-dataset", "staging");
        assertEquals(2, dataset.exitCode(), dataset.toString());
        assertTrue(dataset.err().contains("bigQueryDataset must be bq://project.dataset"), dataset.toString());
        CliRun out = plain("results", "nothing", "--bigquery", "classified");
        assertEquals(2, out.exitCode(), out.toString());
        assertTrue(out.err().contains("bq://project.dataset.table"), out.toString());
        for (CliRun r : new CliRun[] {column, table, onFile, dataset, out}) {
            assertFalse(r.err().contains("\tat "), r.toString());
        }
    }
}
