package dev.newsbatch.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbatch.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schemas given as JSON: what is accepted, how it is normalised, and what each bad file is told. */
class JsonSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void sampleSchemaReadsWithColumnsInTheFilesOrder() {
        ClassificationSchema<Answer> s = ClassificationSchema.fromJson(Path.of("../samples/topic_schema.json"));
        assertEquals(List.of("topic", "relevance", "keywords", "people", "breaking"), s.columns());
        assertEquals(Answer.class, s.type());
        assertEquals("OBJECT", s.responseSchema().path("type").asText());
        assertEquals("STRING", s.responseSchema().path("properties").path("topic").path("type").asText());
        assertEquals("enum", s.responseSchema().path("properties").path("topic").path("format").asText());
        assertEquals("[\"name\",\"role\"]", s.responseSchema().path("properties").path("people").path("items")
                .path("propertyOrdering").toString());
    }

    @Test
    void sameSchemaTextGivesTheSameInstance() {
        String text = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}";
        assertSame(ClassificationSchema.fromJson(text), ClassificationSchema.fromJson(" " + text + "\n"));
        ClassificationSchema<Answer> s = ClassificationSchema.fromJson(text);
        assertSame(s, ClassificationSchema.fromJson(s.json().orElseThrow()));   // the recorded form reads back
        assertEquals("{\"type\":\"OBJECT\",\"properties\":{\"a\":{\"type\":\"STRING\"}},\"propertyOrdering\":[\"a\"]}",
                ClassificationSchema.fromJson(text).json().orElseThrow());
    }

    @Test
    void answersAreValidatedAndMappedToAnswerRows() throws Exception {
        ClassificationSchema<Answer> s = ClassificationSchema.fromJson(Path.of("../samples/topic_schema.json"));
        var good = JSON.readTree("{\"topic\":\"sports\",\"relevance\":7,\"keywords\":[\"cup\"],"
                + "\"people\":[{\"name\":\"Ada\",\"role\":null}],\"breaking\":false}");
        assertEquals(List.of(), s.validate(good));
        Answer a = s.map(good);
        assertEquals("sports", a.getString("topic"));
        assertEquals(7, a.get("relevance").asInt());
        assertEquals("[\"cup\"]", a.getString("keywords"));
        assertNull(a.getString("missing"));
        assertEquals(Map.of("name", "Ada"), ((Map<?, ?>) ((List<?>) a.asMap().get("people")).get(0))
                .entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey(), e -> e.getValue())));
        assertTrue(a.toString().startsWith("Answer[topic=sports, relevance=7, keywords=[\"cup\"]"), a.toString());
        var bad = JSON.readTree("{\"topic\":\"weather\",\"relevance\":11,\"keywords\":[],\"people\":[{}]}");
        assertEquals(List.of("$.breaking is missing", "$.topic must be one of [\"politics\",\"business\","
                        + "\"technology\",\"sports\",\"health\",\"other\"], was \"weather\"",
                "$.relevance must be <= 10, was 11", "$.people[0].name is missing"), s.validate(bad));
    }

    @Test
    void nullIsAValueOnlyWhereTheSchemaSaysNullable() throws Exception {
        ClassificationSchema<Answer> s = ClassificationSchema.fromJson("{\"type\":\"object\",\"properties\":{"
                + "\"a\":{\"type\":\"string\",\"nullable\":true},\"b\":{\"type\":\"string\"}},\"required\":[\"a\",\"b\"]}");
        assertEquals(List.of("$.b is missing"), s.validate(JSON.readTree("{\"a\":null,\"b\":null}")));
    }

    @Test
    void invalidJsonNamesTheFileAndTheLine() throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": {\"type\": \"string\"}\n  \n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClassificationSchema.fromJson(f));
        assertTrue(e.getMessage().startsWith("1 problem in " + f + ":"), e.getMessage());
        assertTrue(e.problems().get(0).toString().startsWith("broken.json line 6"), e.problems().toString());
        assertTrue(e.getMessage().contains("is not valid JSON"), e.getMessage());
    }

    @Test
    void unknownTypeIsNamedByItsJsonPath() {
        String m = problems("{\"type\":\"object\",\"properties\":{\"score\":{\"type\":\"float\"}}}");
        assertEquals("[schema: field \"$.properties.score.type\" must be one of object, string, integer, number, "
                + "boolean, array, was \"float\"]", m);
    }

    @Test
    void enumOnANonStringIsRefused() {
        String m = problems("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\",\"enum\":[1,2]}}}");
        assertEquals("[schema: field \"$.properties.n.enum\" is allowed only with type string, not integer]", m);
    }

    @Test
    void objectWithoutPropertiesIsRefused() {
        assertEquals("[schema: field \"$.properties\" is missing; an object needs at least one property]",
                problems("{\"type\":\"object\"}"));
        assertEquals("[schema: field \"$.properties.p.items.properties\" is missing; an object needs at least one "
                + "property]", problems("{\"type\":\"object\",\"properties\":{\"p\":{\"type\":\"array\","
                + "\"items\":{\"type\":\"object\"}}}}"));
    }

    @Test
    void nonObjectTopLevelIsRefused() {
        assertEquals("[schema: field \"$.type\" must be \"object\" (each answer is one row of fields), was "
                + "\"string\"]", problems("{\"type\":\"string\"}"));
        assertEquals("[schema: field \"$\" must be a JSON object (a schema with \"type\": \"object\"), was an array]",
                problems("[1]"));
    }

    @Test
    void everyProblemIsListedNotOnlyTheFirst() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClassificationSchema.fromJson(
                "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"array\"},\"b\":{\"typ\":\"string\"}},"
                        + "\"required\":[\"c\"]}"));
        assertEquals(4, e.problems().size(), e.problems().toString());
        assertTrue(e.getMessage().contains("field \"$.required[0]\" names no property: \"c\""), e.getMessage());
        assertTrue(e.getMessage().contains("field \"$.properties.b.typ\" is not a keyword"), e.getMessage());
        assertTrue(e.getMessage().contains("field \"$.properties.a.items\" is missing"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path f = dir.resolve("none.json");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClassificationSchema.fromJson(f));
        assertEquals("none.json: does not exist", e.problems().get(0).toString());
    }

    @Test
    void answerRowsCannotComeFromARecordTypeSchema() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationSchema.of(Answer.class));
        assertTrue(e.getMessage().contains("fromJson"), e.getMessage());
        assertFalse(ClassificationSchema.news().json().isPresent());
    }

    private static String problems(String json) {
        return assertThrows(InvalidInputException.class, () -> ClassificationSchema.fromJson(json)).problems()
                .toString();
    }
}
