package dev.newsbatch;

import dev.newsbatch.internal.Checks;

/**
 * An article that has no classification, and why.
 *
 * <pre>{@code
 * results.errors().forEach(e -> System.out.println(e.id() + ": " + e.kind() + " " + e.message()));
 * }</pre>
 *
 * @param id       the article's id
 * @param title    the article's title
 * @param url      the article's URL, or null
 * @param kind     the kind of failure
 * @param message  what happened
 * @param attempts how many times the article was sent
 */
public record ItemError(String id, String title, String url, ErrorKind kind, String message, int attempts) {
    @Override
    public String toString() {
        return id + ": " + kind + " after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ")
                + Checks.abbreviate(message, 80);
    }
}
