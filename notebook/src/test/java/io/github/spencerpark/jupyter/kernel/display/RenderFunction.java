package io.github.spencerpark.jupyter.kernel.display;

/** A stand-in for the base kernel's render function. */
@FunctionalInterface
public interface RenderFunction<T> {
    void render(T data, RenderContext context);
}
