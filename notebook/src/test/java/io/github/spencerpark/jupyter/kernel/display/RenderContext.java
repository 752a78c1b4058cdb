package io.github.spencerpark.jupyter.kernel.display;

/** A stand-in for the base kernel's render context. */
public class RenderContext {
    private final DisplayData out;

    public RenderContext(DisplayData out) {
        this.out = out;
    }

    public DisplayData getOutputContainer() {
        return out;
    }
}
