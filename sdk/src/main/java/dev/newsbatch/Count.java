package dev.newsbatch;

/**
 * A label and how often it occurs.
 *
 * <pre>{@code
 * results.topCompanies(5).forEach(c -> System.out.println(c.name() + " " + c.count()));
 * }</pre>
 *
 * @param name  the label
 * @param count its number of occurrences
 */
public record Count(String name, long count) {
    @Override
    public String toString() {
        return name + "=" + count;
    }
}
