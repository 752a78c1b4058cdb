package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import java.util.ArrayList;
import java.util.List;

/** A stand-in for IJava's kernel with the base kernel's display API; it records what it is asked to show. */
public final class JavaKernel {
    public final List<DisplayData> displayed = new ArrayList<>();
    private final JupyterIO io = new JupyterIO();
    private final Renderer renderer = new Renderer();

    public void display(DisplayData data) {
        displayed.add(data);
    }

    public JupyterIO getIO() {
        return io;
    }

    public Renderer getRenderer() {
        return renderer;
    }

    /** The base kernel's IO, with its display stream as a public field. */
    public static final class JupyterIO {
        public final DisplayStream display = new DisplayStream();
    }

    /** Records display updates. */
    public static final class DisplayStream {
        public final List<String> updatedIds = new ArrayList<>();
        public final List<DisplayData> updates = new ArrayList<>();

        public void updateDisplay(String id, DisplayData data) {
            updatedIds.add(id);
            updates.add(data);
        }
    }
}
