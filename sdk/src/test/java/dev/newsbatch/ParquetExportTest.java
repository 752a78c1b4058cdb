package dev.newsbatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.schema.Field;
import dev.newsbatch.schema.NewsClassification;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet export: written from real runs on the embedded emulator, read back through DuckDB. */
class ParquetExportTest {
    @TempDir
    Path dir;

    @Test
    void newsRunWritesEveryRowWithTypedColumns() throws Exception {
        Results<NewsClassification> r = Batches.from(SampleArticles.of(30)).name("pq").directory(dir)
                .batchSize(20).pollInterval(Duration.ofMillis(20)).submit().await().collect();
        assertEquals(30, r.size());
        Path file = r.toParquet(dir.resolve("out/pq.parquet"));
        assertEquals(dir.resolve("out/pq.parquet"), file);
        assertFalse(Files.exists(dir.resolve("out/pq.parquet.tmp")), "the temporary sibling is gone");

        Table t = read(file);
        assertEquals(List.of("id", "title", "url", "page_title", "is_financial", "sector", "companies",
                "sentiment", "confident_score", "summary_en", "summary_tr", "input_tokens", "output_tokens"),
                List.copyOf(t.types.keySet()));
        assertEquals("VARCHAR", t.types.get("id"));
        assertEquals("VARCHAR[]", t.types.get("sector"));
        assertEquals("VARCHAR[]", t.types.get("companies"));
        assertEquals("BIGINT", t.types.get("confident_score"));
        assertEquals("BIGINT", t.types.get("input_tokens"));
        assertEquals(r.size(), t.rows.size());
        for (int i = 0; i < r.size(); i++) {
            Row<NewsClassification> row = r.rows().get(i);
            NewsClassification c = row.value();
            Map<String, Object> got = t.rows.get(i);
            assertEquals(row.id(), got.get("id"));
            assertEquals(row.title(), got.get("title"));
            assertEquals(row.url(), got.get("url"));
            assertEquals(c.pageTitle(), got.get("page_title"));
            assertEquals(c.isFinancial(), got.get("is_financial"));
            assertEquals(c.sector(), got.get("sector"));
            assertEquals(c.companies(), got.get("companies"));
            assertEquals(c.sentiment(), got.get("sentiment"));
            assertEquals((long) c.confidentScore(), got.get("confident_score"));
            assertEquals(c.summaryEn(), got.get("summary_en"));
            assertEquals(c.summaryTr(), got.get("summary_tr"));
            assertEquals(row.inputTokens(), got.get("input_tokens"));
            assertEquals(row.outputTokens(), got.get("output_tokens"));
        }
        assertTrue(t.rows.stream().anyMatch(m -> !((List<?>) m.get("companies")).isEmpty()),
                "some article names companies, so the lists were really compared");
    }

    enum Mood { CALM, TENSE }

    record Place(String city, int population) { }

    record Wide(boolean flagged, long count, double score, Mood mood, List<String> tags, List<Mood> moods,
                List<Integer> ranks, Place place, @Field(optional = true) String note) { }

    @Test
    void customRecordComponentsGetTheirOwnColumnTypes() throws Exception {
        Results<Wide> r = Batches.from(SampleArticles.of(6)).classifyInto(Wide.class).name("wide").directory(dir)
                .pollInterval(Duration.ofMillis(20)).submit().await().collect();
        assertEquals(6, r.size());
        Table t = read(r.toParquet(dir.resolve("wide.parquet")));
        assertEquals("BOOLEAN", t.types.get("flagged"));
        assertEquals("BIGINT", t.types.get("count"));
        assertEquals("DOUBLE", t.types.get("score"));
        assertEquals("VARCHAR", t.types.get("mood"));
        assertEquals("VARCHAR[]", t.types.get("tags"));
        assertEquals("VARCHAR[]", t.types.get("moods"));
        assertEquals("VARCHAR", t.types.get("ranks"));
        assertEquals("VARCHAR", t.types.get("place"));
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < r.size(); i++) {
            Wide w = r.rows().get(i).value();
            Map<String, Object> got = t.rows.get(i);
            assertEquals(w.flagged(), got.get("flagged"));
            assertEquals(w.count(), got.get("count"));
            assertEquals(w.score(), got.get("score"));
            assertEquals(w.mood().name(), got.get("mood"));
            assertEquals(w.tags(), got.get("tags"));
            assertEquals(w.moods().stream().map(Enum::name).toList(), got.get("moods"));
            assertEquals(w.ranks(), json.readValue((String) got.get("ranks"), json.getTypeFactory()
                    .constructCollectionType(List.class, Integer.class)));
            assertEquals(w.place(), json.readValue((String) got.get("place"), Place.class));
            assertEquals(w.note(), got.get("note"));
        }
    }

    @Test
    void missingValuesAreNullAndAnExistingFileIsReplaced() throws Exception {
        ClassificationSchema<Wide> schema = ClassificationSchema.of(Wide.class);
        Wide w = new Wide(true, 3, 0.25, Mood.TENSE, List.of("a, b", "it's"), List.of(), List.of(1, 2), null, null);
        Results<Wide> r = new Results<>("n", schema, List.of(new Row<>("x'1", "T", null, w, 5, 7)), List.of(),
                new Usage(0, 0, 0));
        Path file = dir.resolve("it's here.parquet");
        Files.writeString(file, "old");
        Table t = read(r.toParquet(file));
        Map<String, Object> got = t.rows.get(0);
        assertEquals("x'1", got.get("id"));
        assertNull(got.get("url"));
        assertNull(got.get("place"));
        assertNull(got.get("note"));
        assertEquals(List.of("a, b", "it's"), got.get("tags"));
        assertEquals(List.of(), got.get("moods"));
        assertEquals(5L, got.get("input_tokens"));
    }

    @Test
    void aTargetThatIsADirectoryIsRefusedByName() throws Exception {
        Results<Wide> r = new Results<>("n", ClassificationSchema.of(Wide.class), List.of(), List.of(), new Usage(0, 0, 0));
        Path target = Files.createDirectory(dir.resolve("taken.parquet"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> r.toParquet(target));
        assertTrue(e.getMessage().startsWith("cannot write " + target), e.getMessage());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(target), left.toList(), "no temporary file is left behind");
        }
    }

    /** A Parquet file read back: column types in order and rows as Java values (lists as lists). */
    @Test
    void aSchemaGivenAsJsonGetsColumnsTypedByItsProperties() throws Exception {
        var topics = dev.newsbatch.schema.ClassificationSchema.fromJson(Path.of("../samples/topic_schema.json"));
        Results<dev.newsbatch.schema.Answer> r = Batches.from(SampleArticles.of(5)).classifyInto(topics).name("pqj")
                .directory(dir).pollInterval(Duration.ofMillis(20)).submit().await().collect();
        Table t = read(r.toParquet(dir.resolve("topics.parquet")));
        assertEquals(List.of("id", "title", "url", "topic", "relevance", "keywords", "people", "breaking",
                "input_tokens", "output_tokens"), List.copyOf(t.types.keySet()));
        assertEquals("VARCHAR", t.types.get("topic"));
        assertEquals("BIGINT", t.types.get("relevance"));
        assertEquals("VARCHAR[]", t.types.get("keywords"));
        assertEquals("VARCHAR", t.types.get("people"));   // an array of objects, as JSON text
        assertEquals("BOOLEAN", t.types.get("breaking"));
        assertEquals(5, t.rows.size());
        assertEquals(r.values().get(0).getString("people"), t.rows.get(0).get("people"));
    }

    private record Table(Map<String, String> types, List<Map<String, Object>> rows) { }

    private static Table read(Path file) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement q = db.prepareStatement("SELECT * FROM read_parquet(?)")) {
            q.setString(1, file.toString());
            try (ResultSet rs = q.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                Map<String, String> types = new LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    types.put(meta.getColumnName(c), meta.getColumnTypeName(c));
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        Object v = rs.getObject(c);
                        row.put(meta.getColumnName(c), v instanceof Array a ? List.of((Object[]) a.getArray()) : v);
                    }
                    rows.add(row);
                }
                return new Table(types, rows);
            }
        }
    }
}
