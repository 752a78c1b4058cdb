package dev.newsbatch.app.cli;

import dev.newsbatch.app.rest.Secrets;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

/**
 * Writes the JSON of {@code --json} output: one pretty-printed document per command.
 *
 * <pre>{@code
 * ObjectNode node = Output.object().put("run_id", "demo");
 * Output.print(out, node);
 * }</pre>
 */
final class Output {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Output() {}

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Prints {@code node} as indented JSON, secrets such as the user information of URLs redacted. */
    static void print(PrintWriter out, JsonNode node) {
        try {
            out.println(Secrets.redact(JSON.writeValueAsString(node)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
        out.flush();
    }
}
