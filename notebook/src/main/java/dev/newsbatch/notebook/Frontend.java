package dev.newsbatch.notebook;

/** Where {@link Notebook} sends what it displays: an IJava kernel, a notebook runner, or the console. */
interface Frontend {
    /** Shows a rendering; {@code displayId} names it for later updates (may be null). */
    void show(Rendering rendering, String displayId);

    /** Replaces what was shown under {@code displayId}. */
    void update(Rendering rendering, String displayId);

    /** True if HTML and images are shown as such. */
    boolean isRich();
}
