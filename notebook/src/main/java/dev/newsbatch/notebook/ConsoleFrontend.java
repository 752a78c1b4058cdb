package dev.newsbatch.notebook;

/** A terminal or JShell: the plain text, as {@code System.out.println} prints it. */
final class ConsoleFrontend implements Frontend {
    static final ConsoleFrontend INSTANCE = new ConsoleFrontend();

    private ConsoleFrontend() {}

    @Override
    public void show(Rendering rendering, String displayId) {
        System.out.println(rendering.text());
    }

    @Override
    public void update(Rendering rendering, String displayId) {
        System.out.println(rendering.text());
    }

    @Override
    public boolean isRich() {
        return false;
    }

    @Override
    public String toString() {
        return "ConsoleFrontend";
    }
}
