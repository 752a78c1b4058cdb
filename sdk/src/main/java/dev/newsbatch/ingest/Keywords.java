package dev.newsbatch.ingest;

import java.util.Locale;

/**
 * A fast test for whether a class-and-id string contains any of a list of lower-case words; a word may be
 * marked {@code ^word$} (whole string), {@code ^word } / {@code  word$} / {@code  word } (space-delimited).
 * Plain {@link String#contains} checks are much cheaper than one regular expression with many alternatives,
 * and this runs for most elements of a page.
 */
final class Keywords {
    private final String[] words;

    private Keywords(String... words) {
        this.words = words;
    }

    static Keywords of(String alternatives) {
        return new Keywords(alternatives.split("\\|"));
    }

    /** True when {@code lower} (already lower-cased) contains one of the words. */
    boolean in(String lower) {
        for (String w : words) {
            if (w.charAt(0) == '^' || w.charAt(w.length() - 1) == '$') {
                boolean start = w.charAt(0) == '^';
                boolean end = w.charAt(w.length() - 1) == '$';
                String core = w.substring(start ? 1 : 0, w.length() - (end ? 1 : 0));
                if (start && end ? lower.equals(core) : start ? lower.startsWith(core) : lower.endsWith(core)) {
                    return true;
                }
            } else if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
