package dev.newsbatch.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.ErrorKind;
import dev.newsbatch.schema.ClassificationSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFileReaderTest {
    static final String VALID = """
            {"page_title":"t","is_financial":"Yes","sector":["Banking"],"companies":["Acme"],\
            "sentiment":"Positive","confident_score":8,"summary_en":"s","summary_tr":"s"}""";
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    static String response(String text) {
        var r = JSON.createObjectNode();
        var candidate = r.putArray("candidates").addObject();
        candidate.putObject("content").putArray("parts").addObject().put("text", text);
        candidate.put("finishReason", "STOP");
        r.putObject("usageMetadata").put("promptTokenCount", 120).put("candidatesTokenCount", 30)
                .put("thoughtsTokenCount", 5);
        return r.toString();
    }

    @TempDir
    Path dir;

    @Test
    void everyKindOfLineBecomesAnOutcomeAndNoneStopsTheFile() throws Exception {
        Path file = dir.resolve("results.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"key\":\"a-ok\",\"response\":" + response(VALID) + "}",
                "{\"key\":\"a-err\",\"error\":{\"code\":13,\"message\":\"internal\",\"status\":\"INTERNAL\"}}",
                "{\"key\":\"a-text\",\"response\":" + response("not json at all") + "}",
                "{\"key\":\"a-schema\",\"response\":" + response("{\"is_financial\":\"Maybe\"}") + "}",
                "{\"key\":\"a-trunc",
                "{\"response\":" + response(VALID) + "}",
                "{\"metadata\":{\"key\":\"a-inline\"},\"response\":" + response(VALID) + "}") + "\n");
        List<ResultLine> lines = new ArrayList<>();
        ResultFileReader.read(file, ClassificationSchema.news(), lines::add);
        assertEquals(7, lines.size());
        assertTrue(lines.get(0).ok());
        assertEquals(120, lines.get(0).inputTokens());
        assertEquals(35, lines.get(0).outputTokens());
        assertEquals(ErrorKind.API_ERROR, lines.get(1).errorKind());
        assertTrue(lines.get(1).error().contains("INTERNAL"), lines.get(1).error());
        assertEquals(ErrorKind.UNPARSABLE_JSON, lines.get(2).errorKind());
        assertEquals(ErrorKind.SCHEMA_VIOLATION, lines.get(3).errorKind());
        assertTrue(lines.get(3).error().contains("$.page_title is missing"), lines.get(3).error());
        assertNull(lines.get(4).key());
        assertTrue(lines.get(4).error().contains("line 5"), lines.get(4).error());
        assertNull(lines.get(5).key());
        assertEquals("a-inline", lines.get(6).key());
        assertTrue(lines.get(6).ok());
    }
}
