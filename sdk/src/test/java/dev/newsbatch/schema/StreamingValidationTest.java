package dev.newsbatch.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The schema check read token by token, and the same check of a tree, which goes through it. */
class StreamingValidationTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonFactory FACTORY = new JsonFactory();
    static final ClassificationSchema<NewsClassification> NEWS = ClassificationSchema.news();
    static final String VALID = "{\"page_title\":\"t\",\"is_financial\":\"Yes\",\"sector\":[\"Banking\"],"
            + "\"companies\":[\"Acme\"],\"sentiment\":\"Positive\",\"confident_score\":8,\"summary_en\":\"s\","
            + "\"summary_tr\":\"ş\"}";

    record Streamed(List<String> problems, String copy) {}

    static Streamed streamed(String answer) throws IOException {
        StringWriter out = new StringWriter();
        List<String> problems;
        try (JsonParser in = FACTORY.createParser(answer); JsonGenerator copy = FACTORY.createGenerator(out)) {
            problems = NEWS.validate(in, copy);
        }
        return new Streamed(problems, out.toString());
    }

    @Test
    void aValidAnswerHasNoProblemsAndComesOutAsATreeWouldPrintIt() throws Exception {
        String spaced = VALID.replace(",", " ,\n ").replace(":", " : ");
        Streamed s = streamed(spaced);
        assertEquals(List.of(), s.problems());
        assertEquals(JSON.readTree(spaced).toString(), s.copy());
    }

    @Test
    void problemsComeInTheSchemaOrderWhateverTheOrderOfTheFields() throws Exception {
        String answer = "{\"confident_score\":11,\"sentiment\":\"Great\",\"is_financial\":\"Maybe\","
                + "\"sector\":[\"Banking\",3,null],\"companies\":\"Acme\",\"page_title\":null}";
        List<String> expected = List.of("$.page_title is missing", "$.summary_en is missing",
                "$.summary_tr is missing", "$.is_financial must be one of [\"Yes\",\"No\"], was \"Maybe\"",
                "$.sector[1] must be a string, was NUMBER", "$.sector[2] is missing",
                "$.companies must be an array, was STRING");
        List<String> streamed = streamed(answer).problems();
        assertEquals(expected, streamed.subList(0, 7));
        assertEquals(streamed, NEWS.validate(JSON.readTree(answer)));
        assertEquals(9, streamed.size(), streamed.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"text\"", "null", "7", "{\"confident_score\":8.5}",
        "{\"confident_score\":8.0,\"extra\":{\"deep\":[1,{\"a\":null}]}}", "{\"confident_score\":\"8\"}",
        "{\"confident_score\":-1}", "{\"confident_score\":-99999999999999999999999}"})
    void theTreeAndTheStreamFindTheSameProblems(String answer) throws Exception {
        assertEquals(NEWS.validate(JSON.readTree(answer)), streamed(answer).problems());
    }

    @Test
    void anIntegerTooLargeForALongIsNamedAsWritten() throws Exception {
        String answer = VALID.replace("\"confident_score\":8", "\"confident_score\":99999999999999999999999");
        assertEquals(List.of("$.confident_score must be <= 10.0, was 99999999999999999999999"),
                streamed(answer).problems());
    }

    @Test
    void unknownFieldsAreCopiedUnchecked() throws Exception {
        String answer = VALID.replace("{", "{\"extra\":{\"deep\":[1,{\"a\":null}]},");
        Streamed s = streamed(answer);
        assertEquals(List.of(), s.problems());
        assertEquals(answer, s.copy());
    }

    @Test
    void brokenJsonIsAnError() {
        assertThrows(IOException.class, () -> streamed("{\"page_title\":\"t\",\"is_fin"));
    }
}
