package dev.newsbatch.internal.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the pricing and tier JSON files and reports bad values with file and field. */
final class RateCardFile {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.ALLOW_COMMENTS);

    final String name;
    final JsonNode root;

    private RateCardFile(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    /** The model catalogue, whose entries carry their prices. */
    static RateCardFile catalogue() {
        return new RateCardFile(dev.newsbatch.internal.ModelCatalog.RESOURCE,
                dev.newsbatch.internal.ModelCatalog.defaults().data());
    }

    static RateCardFile resource(String resource) {
        try (InputStream in = RateCardFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the classpath");
            }
            return new RateCardFile(resource, JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }

    static RateCardFile of(Path path) {
        try {
            return new RateCardFile(path.toString(), JSON.readTree(Files.readString(path)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(path + " line " + e.getLocation().getLineNr()
                    + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    /** A non-negative number, or {@code fallback} when the field is absent. */
    double number(JsonNode node, String path, String field, double fallback) {
        JsonNode v = node.get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber() || v.asDouble() < 0) {
            throw error(path + "." + field, "must be a number >= 0", v);
        }
        return v.asDouble();
    }

    /** A non-negative integer; {@code null} in the file means no limit ({@code unlimited}). */
    long count(JsonNode node, String path, String field, long fallback, long unlimited) {
        JsonNode v = node.get(field);
        if (v == null) {
            return fallback;
        }
        if (v.isNull()) {
            return unlimited;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
            throw error(path + "." + field, "must be an integer >= 0 or null", v);
        }
        return v.asLong();
    }

    IllegalArgumentException error(String field, String rule, JsonNode value) {
        return new IllegalArgumentException(name + ": field \"" + field + "\" " + rule + ", was " + value);
    }
}
