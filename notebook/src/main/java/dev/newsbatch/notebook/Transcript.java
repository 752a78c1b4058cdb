package dev.newsbatch.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What one notebook cell printed, in order: standard output and error as {@code stream} outputs,
 * {@link CaptureFrontend} marker lines as {@code display_data} outputs (an update replaces the
 * display it names, as Jupyter does), and explicitly added results and errors.
 */
final class Transcript {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A run of bytes written to one stream. */
    private static final class Chunk {
        final String stream;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Chunk(String stream) {
            this.stream = stream;
        }
    }

    private final List<Object> parts = new ArrayList<>();
    private final PrintStream out = new PrintStream(new Sink("stdout"), true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(new Sink("stderr"), true, StandardCharsets.UTF_8);

    /** Standard output of the cell. */
    PrintStream out() {
        return out;
    }

    /** Standard error of the cell. */
    PrintStream err() {
        return err;
    }

    /** Adds an output node (an execute_result or an error) after what was printed so far. */
    synchronized void add(ObjectNode output) {
        out.flush();
        err.flush();
        parts.add(output);
    }

    /** The cell's outputs in Jupyter's format. */
    synchronized ArrayNode outputs() {
        out.flush();
        err.flush();
        ArrayNode outputs = JSON.createArrayNode();
        StringBuilder pending = new StringBuilder();
        String pendingStream = null;
        for (Object part : parts) {
            if (part instanceof ObjectNode node) {
                pendingStream = flush(outputs, pendingStream, pending);
                outputs.add(node);
                continue;
            }
            Chunk chunk = (Chunk) part;
            String text = chunk.bytes.toString(StandardCharsets.UTF_8);
            if (!chunk.stream.equals("stdout")) {
                if (!chunk.stream.equals(pendingStream)) {
                    pendingStream = flush(outputs, pendingStream, pending);
                }
                pendingStream = chunk.stream;
                pending.append(text);
                continue;
            }
            for (String line : text.split("(?<=\n)")) {
                if (line.startsWith(CaptureFrontend.MARKER)) {
                    pendingStream = flush(outputs, pendingStream, pending);
                    display(outputs, line.substring(CaptureFrontend.MARKER.length()).trim());
                } else if (!line.isEmpty()) {
                    if (!"stdout".equals(pendingStream)) {
                        pendingStream = flush(outputs, pendingStream, pending);
                    }
                    pendingStream = "stdout";
                    pending.append(line);
                }
            }
        }
        flush(outputs, pendingStream, pending);
        return outputs;
    }

    private static String flush(ArrayNode outputs, String stream, StringBuilder pending) {
        if (stream != null && pending.length() > 0) {
            ObjectNode node = outputs.addObject();
            node.put("name", stream);
            node.put("output_type", "stream");
            node.set("text", Ipynb.lines(pending.toString()));
        }
        pending.setLength(0);
        return null;
    }

    private static void display(ArrayNode outputs, String json) {
        JsonNode marker;
        try {
            marker = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable display marker: " + e.getMessage(), e);
        }
        ObjectNode data = Ipynb.bundle(marker.path("data"));
        String id = marker.path("id").asText(null);
        if ("update".equals(marker.path("op").asText())) {
            for (JsonNode o : outputs) {
                if (id != null && id.equals(o.path("metadata").path("display_id").asText(null))) {
                    ((ObjectNode) o).set("data", data);
                    return;
                }
            }
        }
        ObjectNode node = outputs.addObject();
        node.set("data", data);
        ObjectNode metadata = node.putObject("metadata");
        if (id != null) {
            // kept only while the cell runs, to apply updates; removed before the notebook is written
            metadata.put("display_id", id);
        }
        node.put("output_type", "display_data");
    }

    /** An output stream that appends to the transcript in write order. */
    private final class Sink extends OutputStream {
        private final String stream;

        Sink(String stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (Transcript.this) {
                Object last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
                Chunk chunk = last instanceof Chunk c && c.stream.equals(stream) ? c : null;
                if (chunk == null) {
                    chunk = new Chunk(stream);
                    parts.add(chunk);
                }
                chunk.bytes.write(b, off, len);
            }
        }
    }

    @Override
    public String toString() {
        return "Transcript[" + parts.size() + " parts]";
    }
}
