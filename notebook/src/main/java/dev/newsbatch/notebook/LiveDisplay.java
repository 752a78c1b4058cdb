package dev.newsbatch.notebook;

/**
 * A display that can be replaced in place: in a notebook the output area is redrawn with the new
 * value; elsewhere each update prints the value's {@code toString()}. Made by {@link Notebook#live}.
 *
 * <pre>{@code
 * LiveDisplay status = Notebook.live(run.state());
 * status.update(run.status());
 * }</pre>
 */
public final class LiveDisplay {
    private final String id;

    LiveDisplay(String id) {
        this.id = id;
    }

    /** The display's id, as the notebook knows it. */
    public String id() {
        return id;
    }

    /** Replaces what is shown with {@code value}. */
    public void update(Object value) {
        Notebook.update(Rendering.of(value), id);
    }

    /** Replaces what is shown with an HTML fragment and its plain-text stand-in. */
    void update(Rendering rendering) {
        Notebook.update(rendering, id);
    }

    @Override
    public String toString() {
        return "LiveDisplay[" + id + "]";
    }
}
