package dev.newsbatch.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    private static final int BUCKETS = 1024;

    /**
     * Unanchored words by a hash of their first three characters, so that each position of a class string is
     * tried against almost none (two characters, as in "co" or "re", start too many class names).
     */
    private final String[][] byStart = new String[BUCKETS][];
    /** Unanchored words shorter than three characters. */
    private final String[] others;
    private final String[] anchored;
    private final int[] kinds;

    private Keywords(String... alternatives) {
        List<String> anchoredWords = new ArrayList<>();
        List<Integer> anchoredKinds = new ArrayList<>();
        List<String> otherWords = new ArrayList<>();
        for (String alternative : alternatives) {
            boolean start = alternative.startsWith("^");
            boolean end = alternative.endsWith("$");
            String w = alternative.substring(start ? 1 : 0, alternative.length() - (end ? 1 : 0));
            int kind = (start ? START : 0) | (end ? END : 0);
            if (kind != ANY) {
                anchoredWords.add(w);
                anchoredKinds.add(kind);
            } else if (w.length() >= 2) {
                int b = bucket(w.charAt(0), w.charAt(1));
                String[] bucket = byStart[b];
                String[] grown = bucket == null ? new String[1] : Arrays.copyOf(bucket, bucket.length + 1);
                grown[grown.length - 1] = w;
                byStart[b] = grown;
            } else {
                otherWords.add(w);
            }
        }
        anchored = anchoredWords.toArray(new String[0]);
        kinds = anchoredKinds.stream().mapToInt(Integer::intValue).toArray();
        others = otherWords.toArray(new String[0]);
    }

    static Keywords of(String alternatives) {
        return new Keywords(alternatives.split("\\|"));
    }

    /** True when {@code lower} (already lower-cased) contains one of the words. */
    boolean in(String lower) {
        for (int i = 0, n = lower.length() - 1; i < n; i++) {
            String[] bucket = byStart[bucket(lower.charAt(i), lower.charAt(i + 1))];
            if (bucket != null) {
                for (String w : bucket) {
                    if (lower.startsWith(w, i)) {
                        return true;
                    }
                }
            }
        }
        for (String w : others) {
            if (lower.contains(w)) {
                return true;
            }
        }
        for (int i = 0; i < anchored.length; i++) {
            String w = anchored[i];
            switch (kinds[i]) {
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

    private static int bucket(char first, char second) {
        return (first * 31 + second) & (BUCKETS - 1);
    }

    /** True when {@code s} contains {@code lowerWord} (lower-case ASCII) ignoring ASCII case; builds no string. */
    static boolean containsIgnoreCase(String s, String lowerWord) {
        int n = lowerWord.length();
        for (int i = 0, last = s.length() - n; i <= last; i++) {
            if (s.regionMatches(true, i, lowerWord, 0, n)) {
                return true;
            }
        }
        return false;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
