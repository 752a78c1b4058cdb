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
    void aLargeFileGivesEveryLineInOrderAsParsingItAloneDoes() throws Exception {
        String[] kinds = {
            "{\"key\":\"a-%d\",\"response\":" + response(VALID) + "}",
            "{\"key\":\"a-%d\",\"response\":" + response("{\"is_financial\":\"Maybe\"}") + "}",
            "{\"key\":\"a-%d\",\"error\":{\"code\":13,\"message\":\"intern\u00e9\",\"status\":\"INTERNAL\"}}",
            "   ",
            "{\"key\":\"a-%d\",\"response\":" + response(VALID.replace("Acme", "Acm\u00e9")) + "}",
            "{\"key\":\"a-%d\",\"response\":"
                + response(VALID.replace(":", " : ").replace("\"t\"", "\"\\u00e9\\/\"")) + "}",
            "{\"key\":\"a-%d\",\"response\":"
                + response(VALID.replace("8", "8.0").replace("{", "{\"x\":[-0,1e2],")) + "}",
            "\u00a0{\"key\":\"a-%d\",\"error\":{\"code\":13}}",
            "\u3000 ",
            "\uFEFF{\"key\":\"a-%d\",\"response\":" + response(VALID) + "}",
            "{\"key\":\"a-%d\",\"response\":" + response(VALID.replace("\"t\"", "\"\ud83d\udcc8 \u015firket\"")) + "}",
            "{\"key\":\"a-%d\",\"response\":" + response(VALID.replace("\"t\"", "\"LONE\""))
                .replace("LONE", "\\ud800") + "}",
            "{\"key\":\"a-%d"};
        List<String> texts = new ArrayList<>();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; bytes.size() < 3 << 20; i++) {
            String line = String.format(kinds[i % kinds.length], i);
            texts.add(line);
            bytes.write(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (i % 997 == 0) {
                bytes.write(new byte[] {(byte) 0xC3, '!'});   // not UTF-8: read with U+FFFD, as a String is
                texts.set(i, line + "\uFFFD!");
            }
            bytes.write(i % 2 == 0 ? "\n".getBytes() : "\r\n".getBytes());
        }
        Path file = dir.resolve("large.jsonl");
        Files.write(file, bytes.toByteArray());
        List<ResultLine> expected = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).isBlank()) {
                expected.add(ResultFileReader.parse(i + 1, texts.get(i), ClassificationSchema.news()));
            }
        }
        List<ResultLine> lines = new ArrayList<>();
        ResultFileReader.read(file, ClassificationSchema.news(), lines::add);
        assertEquals(expected, lines);
    }

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

    @Test
    void aValidAnswersTextIsItsCompactJsonWhetherOrNotItCameCompact() throws Exception {
        String[] answers = {VALID, VALID.replace(",", " ,\n ").replace(":", " : "),
            VALID.replace("\"t\"", "\"\\u00e9\\/\\\"\"").replace("8", "8.0"),
            VALID.replace("{", "{\"extra\":{\"deep\":[-0,1e2,12345678901234567890,\"\u015f\"]},"),
            VALID.replace("{", "{\"extra\":[true,false,null,-12],")};
        Path file = dir.resolve("answers.jsonl");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < answers.length; i++) {
            text.append("{\"key\":\"a-").append(i).append("\",\"response\":").append(response(answers[i]))
                    .append("}\n");
        }
        Files.writeString(file, text);
        List<ResultLine> lines = new ArrayList<>();
        ResultFileReader.read(file, ClassificationSchema.news(), lines::add);
        assertEquals(answers.length, lines.size());
        for (int i = 0; i < answers.length; i++) {
            assertTrue(lines.get(i).ok(), lines.get(i).toString());
            assertEquals(JSON.readTree(answers[i]).toString(), lines.get(i).answer());
        }
    }

    /**
     * Whatever the answer's text (other scripts, emoji, lone surrogates, a byte order mark or NUL), the outcome
     * is what the answer's own tree says: not JSON, a schema problem, or valid with its compact text.
     */
    @Test
    void answersInAnyTextAreCheckedAsTheirTreeIs() throws Exception {
        String[] answers = {
            VALID.replace("\"s\"}", "\"\u015firket hisseleri y\u00fckseldi, \u0130stanbul\"}"),
            VALID.replace("\"t\"", "\"\ud83d\udcc8 up\""),
            VALID.replace("\"t\"", "\"\ud800 alone\""),
            VALID.replace("\"t\"", "\"\udc00\ud800 reversed\""),
            "\uFEFF" + VALID,
            VALID.replace("\"t\"", "\"a\u0000b\""),
            VALID.replace("\"t\"", "\"a\\u0000b\""),
            "\u0000" + VALID,
            VALID.replace("\"Yes\"", "\"Evet \u015f\""),
            "\u015f is not JSON",
            "{\"page_title\":\"\u00e9",
            VALID.replace(",", " ,\n\u2003").replace("\"t\"", "\"\u4e2d\u6587\"")};
        Path file = dir.resolve("texts.jsonl");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < answers.length; i++) {
            // lone surrogates go escaped into the line (the generator would write them raw, not UTF-8)
            StringBuilder escaped = new StringBuilder();
            for (char c : response(answers[i]).toCharArray()) {
                escaped.append(Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
            text.append("{\"key\":\"a-").append(i).append("\",\"response\":").append(escaped).append("}\n");
        }
        Files.writeString(file, text);
        List<ResultLine> lines = new ArrayList<>();
        var schema = ClassificationSchema.news();
        ResultFileReader.read(file, schema, lines::add);
        assertEquals(answers.length, lines.size());
        for (int i = 0; i < answers.length; i++) {
            ResultLine line = lines.get(i);
            com.fasterxml.jackson.databind.JsonNode tree;
            try {
                tree = JSON.readTree(answers[i]);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                assertEquals(ErrorKind.UNPARSABLE_JSON, line.errorKind(), i + ": " + line);
                continue;
            }
            List<String> problems = schema.validate(tree);
            if (problems.isEmpty()) {
                assertTrue(line.ok(), i + ": " + line);
                assertEquals(tree, JSON.readTree(line.answer()), i + ": " + line.answer());
                assertEquals(tree.toString(), line.answer(), i + ": compact text");
            } else {
                assertEquals(ErrorKind.SCHEMA_VIOLATION, line.errorKind(), i + ": " + line);
                assertEquals(String.join("; ", problems.subList(0, Math.min(5, problems.size()))), line.error());
            }
        }
    }

    @Test
    void onlyTheFirstCandidatesVisibleTextCountsAndUsageMayComeAsText() {
        String line = "{\"response\":{\"modelVersion\":\"m\",\"candidates\":[{\"finishReason\":\"STOP\","
                + "\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"thinking...\",\"thought\":true},"
                + "{\"text\":" + JSON.valueToTree(VALID.substring(0, 40)) + "},{\"text\":"
                + JSON.valueToTree(VALID.substring(40)) + "}]}},{\"content\":{\"parts\":[{\"text\":\"x\"}]}}],"
                + "\"usageMetadata\":{\"promptTokenCount\":\"120\",\"candidatesTokenCount\":30,"
                + "\"thoughtsTokenCount\":7,\"promptTokensDetails\":[{\"modality\":\"TEXT\"}]}},"
                + "\"key\":\"a-late-key\",\"error\":null}";
        ResultLine r = ResultFileReader.parse(1, line, ClassificationSchema.news());
        assertTrue(r.ok(), r.toString());
        assertEquals("a-late-key", r.key());
        assertEquals(120, r.inputTokens());
        assertEquals(37, r.outputTokens());
        assertEquals(7, r.thinkingTokens());
        assertEquals(VALID, r.answer());
    }

    @Test
    void aBlockedPromptATruncatedAnswerAndALineThatIsNotAnObjectAreNamed() {
        var schema = ClassificationSchema.news();
        ResultLine blocked = ResultFileReader.parse(1, "{\"key\":\"a-b\",\"response\":{\"promptFeedback\":"
                + "{\"blockReason\":\"SAFETY\"},\"usageMetadata\":{\"promptTokenCount\":9}}}", schema);
        assertEquals(ErrorKind.PROMPT_BLOCKED, blocked.errorKind());
        assertEquals(9, blocked.inputTokens());
        ResultLine cut = ResultFileReader.parse(2, "{\"key\":\"a-c\",\"response\":{\"candidates\":[{\"content\":"
                + "{\"parts\":[{\"text\":\"{\\\"page\"}]},\"finishReason\":\"MAX_TOKENS\"}]}}", schema);
        assertEquals(ErrorKind.TRUNCATED, cut.errorKind());
        ResultLine none = ResultFileReader.parse(3, "{\"key\":\"a-n\",\"response\":{\"candidates\":[]}}", schema);
        assertEquals(ErrorKind.EMPTY_ANSWER, none.errorKind());
        assertTrue(none.error().contains("no candidates"), none.error());
        ResultLine array = ResultFileReader.parse(4, "[1,2]", schema);
        assertNull(array.key());
        assertTrue(array.error().contains("line 4 of the results file has no key"), array.error());
        ResultLine numbered = ResultFileReader.parse(5, "{\"key\":\"a-e\",\"error\":{\"code\":429,"
                + "\"details\":[{\"x\":1}],\"status\":\"RESOURCE_EXHAUSTED\"}}", schema);
        assertEquals(ErrorKind.API_ERROR, numbered.errorKind());
        assertEquals("429 RESOURCE_EXHAUSTED ", numbered.error());
    }
}
