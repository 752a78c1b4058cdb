package dev.newsbatch.notebook;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * A Jupyter notebook file (nbformat 4) as a JSON tree: its code cells' sources, and their outputs
 * written back in the layout Jupyter itself writes (keys sorted, one-space indent, texts as lists
 * of lines).
 */
final class Ipynb {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final ObjectNode root;

    private Ipynb(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    /**
     * Reads a notebook.
     *
     * @throws IllegalArgumentException if the file is not an nbformat 4 notebook
     */
    static Ipynb read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("notebook " + file + " is not readable JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof ObjectNode o) || root.path("nbformat").asInt() != 4 || !root.path("cells").isArray()) {
            throw new IllegalArgumentException("notebook " + file + " must be an nbformat 4 notebook with cells");
        }
        return new Ipynb(file, o);
    }

    Path file() {
        return file;
    }

    /** The code cells, in order. */
    List<ObjectNode> codeCells() {
        List<ObjectNode> cells = new ArrayList<>();
        for (JsonNode cell : root.path("cells")) {
            if ("code".equals(cell.path("cell_type").asText())) {
                cells.add((ObjectNode) cell);
            }
        }
        return cells;
    }

    /** A cell's source as one string. */
    static String source(JsonNode cell) {
        JsonNode source = cell.path("source");
        if (source.isTextual()) {
            return source.asText();
        }
        StringBuilder out = new StringBuilder();
        source.forEach(line -> out.append(line.asText()));
        return out.toString();
    }

    /** Replaces a code cell's outputs and execution count. */
    static void record(ObjectNode cell, int executionCount, ArrayNode outputs) {
        for (JsonNode o : outputs) {
            JsonNode metadata = o.path("metadata");
            if (metadata instanceof ObjectNode m) {
                m.remove("display_id");
            }
        }
        cell.put("execution_count", executionCount);
        cell.set("outputs", outputs);
    }

    /** Clears every code cell's outputs, for cells not reached. */
    void clearFrom(int index) {
        List<ObjectNode> cells = codeCells();
        for (int i = index; i < cells.size(); i++) {
            cells.get(i).putNull("execution_count");
            cells.get(i).set("outputs", JSON.createArrayNode());
        }
    }

    /** The notebook as Jupyter writes it. */
    String toJson() {
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter(" ", "\n"))
                    .withArrayIndenter(new DefaultIndenter(" ", "\n"));
            return JSON.writer(printer).writeValueAsString(sorted(root)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the notebook back to its file. */
    void write() {
        try {
            Files.writeString(file, toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write notebook " + file + ": " + e.getMessage(), e);
        }
    }

    /** Text as Jupyter stores it: a list of lines, each but the last ending with a newline. */
    static ArrayNode lines(String text) {
        ArrayNode lines = JSON.createArrayNode();
        for (String line : text.split("(?<=\n)")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** A MIME bundle with texts as lists of lines and images as one base64 string. */
    static ObjectNode bundle(JsonNode data) {
        ObjectNode out = JSON.createObjectNode();
        Iterator<String> names = data.fieldNames();
        while (names.hasNext()) {
            String mime = names.next();
            String value = data.path(mime).asText();
            if (mime.startsWith("image/") && !mime.contains("svg")) {
                out.put(mime, value);
            } else {
                out.set(mime, lines(value));
            }
        }
        return out;
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode o) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            o.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode out = JSON.createObjectNode();
            fields.forEach(out::set);
            return out;
        } else if (node instanceof ArrayNode a) {
            ArrayNode out = JSON.createArrayNode();
            a.forEach(x -> out.add(sorted(x)));
            return out;
        }
        return node;
    }

    @Override
    public String toString() {
        return "Ipynb[" + file + ", " + codeCells().size() + " code cells]";
    }
}
