package dev.newsbatch.notebook;

import java.util.Collection;

/**
 * A running Jupyter kernel that newsbatch displays in, through that kernel's own display API: its
 * renderer for values that end a cell, its {@code display} and {@code update_display_data} calls for
 * the rest. One implementation per kernel library, each compiled against that library and loaded only
 * when {@link Kernels} has seen the library's classes: {@link JJavaKernel} and {@link IJavaKernel}.
 */
interface Kernel extends Frontend {
    /** The kernel's name, as users know it: {@code "JJava"} or {@code "IJava"}. */
    String name();

    /** The kernel object itself: which kernel this is, for registering renderers once per kernel. */
    Object instance();

    /**
     * Registers a renderer with the kernel for each type, so that a value ending a cell shows as
     * {@code text/html} (a chart as {@code image/svg+xml}) beside its {@code text/plain}.
     *
     * @throws IllegalStateException if the kernel refuses
     */
    void register(Collection<Class<?>> types);

    /** A kernel shows HTML and images as such. */
    @Override
    default boolean isRich() {
        return true;
    }
}
