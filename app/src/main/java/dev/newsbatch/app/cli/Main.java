package dev.newsbatch.app.cli;

/** Entry point of the {@code newsbatch} command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("newsbatch");
    }
}
