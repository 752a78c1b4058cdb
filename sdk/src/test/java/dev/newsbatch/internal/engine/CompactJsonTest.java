package dev.newsbatch.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An answer counts as compact exactly when a generator copying it token by token writes it back unchanged. */
class CompactJsonTest {
    static final JsonFactory JSON = new JsonFactory();

    static String copied(String json) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonParser p = JSON.createParser(json); JsonGenerator g = JSON.createGenerator(out)) {
            p.nextToken();
            g.copyCurrentStructure(p);
        }
        return out.toString();
    }

    static boolean compact(String json) {
        return CompactJson.is(json.toCharArray(), 0, json.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"a\":1}", "{\"a\":[1,-2,0,10,true,false,null,\"x\"],\"b\":{\"c\":[]}}",
        "{\"s\":\"é ş 😀 \u2028 \u007f\"}", "{\"n\":123456789012345678901234567890}", "{\"a\":1,\"a\":2}",
        "{\"z\":-10}"})
    void compactAnswersAreWrittenBackAsTheyAre(String json) throws Exception {
        assertEquals(true, compact(json), json);
        assertEquals(json, copied(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{ \"a\":1}", "{\"a\" :1}", "{\"a\":1}\n", " {\"a\":1}", "{\"a\":\"\\u00e9\"}",
        "{\"a\":\"\\/\"}", "{\"a\":\"\\\"\"}", "{\"a\":1.0}", "{\"a\":1e2}", "{\"a\":1E2}", "{\"a\":-0}",
        "{\"a\":[-0]}", "{\"a\":1}x", "{\"a\":1}{}", "[1,2]", "\"text\"", "7", "{\"a\":\t1}"})
    void anythingElseGoesThroughTheGenerator(String json) {
        assertEquals(false, compact(json), json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":\"x", "{\"a\":[1", "{"})
    void anUnfinishedObjectIsNotCompact(String json) {
        assertEquals(false, compact(json), json);
    }
}
