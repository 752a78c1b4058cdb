package dev.newsbatch.notebook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rich output for {@link NotebookRunner}: each display is written to standard output as one marker
 * line carrying the MIME bundle as JSON, which the runner turns into a {@code display_data} output.
 * Active when the system property {@value #PROPERTY} is {@code true}.
 */
final class CaptureFrontend implements Frontend {
    /** The system property that turns capture on. */
    static final String PROPERTY = "newsbatch.notebook.capture";
    /** The start of a marker line. */
    static final String MARKER = "\u001Enewsbatch-display ";
    static final CaptureFrontend INSTANCE = new CaptureFrontend();
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaptureFrontend() {}

    static boolean isActive() {
        return Boolean.getBoolean(PROPERTY);
    }

    @Override
    public void show(Rendering rendering, String displayId) {
        emit("show", rendering, displayId);
    }

    @Override
    public void update(Rendering rendering, String displayId) {
        emit("update", rendering, displayId);
    }

    private static void emit(String op, Rendering rendering, String displayId) {
        ObjectNode line = JSON.createObjectNode();
        line.put("op", op);
        if (displayId != null) {
            line.put("id", displayId);
        }
        ObjectNode data = line.putObject("data");
        rendering.bundle().forEach(data::put);
        System.out.flush();
        System.out.print(MARKER + line + "\n");
        System.out.flush();
    }

    @Override
    public boolean isRich() {
        return true;
    }

    @Override
    public String toString() {
        return "CaptureFrontend";
    }
}
