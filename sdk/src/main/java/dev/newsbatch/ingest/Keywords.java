package dev.newsbatch.ingest;

import java.util.Locale;

/**
 * A fast test for whether a class-and-id string contains any of a list of lower-case words; a word may be
 * marked {@code ^word$} (whole string), {@code ^word } / {@code  word$} / {@code  word } (space-delimited).
 * Plain {@link String#contains} checks are much cheaper than one regular expression with many alternatives,
 * and this runs for most elements of a page.
 */
final class Keywords {
    private static final int ANY = 0;
    private static final int START = 1;
    private static final int END = 2;
    private static final int WHOLE = 3;

    private final String[] words;
    private final int[] kinds;

    private Keywords(String... alternatives) {
        words = new String[alternatives.length];
        kinds = new int[alternatives.length];
        for (int i = 0; i < alternatives.length; i++) {
            String w = alternatives[i];
            boolean start = w.startsWith("^");
            boolean end = w.endsWith("$");
            words[i] = w.substring(start ? 1 : 0, w.length() - (end ? 1 : 0));
            kinds[i] = (start ? START : 0) | (end ? END : 0);
        }
    }

    static Keywords of(String alternatives) {
        return new Keywords(alternatives.split("\\|"));
    }

    /** True when {@code lower} (already lower-cased) contains one of the words. */
    boolean in(String lower) {
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            switch (kinds[i]) {
                case ANY:
                    if (lower.contains(w)) {
                        return true;
                    }
                    break;
                case START:
                    if (lower.startsWith(w)) {
                        return true;
                    }
                    break;
                case END:
                    if (lower.endsWith(w)) {
                        return true;
                    }
                    break;
                default:
                    if (lower.equals(w)) {
                        return true;
                    }
            }
        }
        return false;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
