package dev.newsbatch.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A fast test for whether a class-and-id string contains any of a list of lower-case words; a word may be
 * marked {@code ^word$} (whole string), {@code ^word } / {@code  word$} / {@code  word } (space-delimited).
 * Plain comparisons are much cheaper than one regular expression with many alternatives, and this runs for most
 * elements of a page. Several lists can be tested in one scan of the string ({@link #of(String...)} and
 * {@link #matches}).
 */
final class Keywords {
    private static final int ANY = 0;
    private static final int START = 1;
    private static final int END = 2;

    private static final int BUCKETS = 4096;

    /**
     * Unanchored words by a hash of their first three characters, so that each position of a class string is
     * tried against almost none; {@link #groups} holds the list of each word, as a bit.
     */
    private final String[][] byStart = new String[BUCKETS][];
    /**
     * The first two characters of the words in {@link #byStart} (each folded to 7 bits, see {@link #pair}): a
     * position whose two characters are not marked starts no word, and its bucket is not looked at.
     */
    private final boolean[] starts = new boolean[1 << 14];
    private final int[][] groupsByStart = new int[BUCKETS][];
    /** Unanchored words shorter than three characters. */
    private final String[] others;
    private final int[] otherGroups;
    private final String[] anchored;
    private final int[] kinds;
    private final int[] anchoredGroups;
    /** One bit per list. */
    private final int all;

    private Keywords(String[] lists) {
        List<String> anchoredWords = new ArrayList<>();
        List<Integer> anchoredKinds = new ArrayList<>();
        List<Integer> anchoredBits = new ArrayList<>();
        List<String> otherWords = new ArrayList<>();
        List<Integer> otherBits = new ArrayList<>();
        for (int g = 0; g < lists.length; g++) {
            int bit = 1 << g;
            for (String alternative : lists[g].split("\\|")) {
                boolean start = alternative.startsWith("^");
                boolean end = alternative.endsWith("$");
                String w = alternative.substring(start ? 1 : 0, alternative.length() - (end ? 1 : 0));
                int kind = (start ? START : 0) | (end ? END : 0);
                if (kind != ANY) {
                    anchoredWords.add(w);
                    anchoredKinds.add(kind);
                    anchoredBits.add(bit);
                } else if (w.length() >= 3) {
                    starts[pair(w.charAt(0), w.charAt(1))] = true;
                    int b = bucket(w, 0);
                    String[] words = byStart[b];
                    int n = words == null ? 0 : words.length;
                    byStart[b] = words == null ? new String[1] : Arrays.copyOf(words, n + 1);
                    byStart[b][n] = w;
                    int[] bits = groupsByStart[b];
                    groupsByStart[b] = bits == null ? new int[1] : Arrays.copyOf(bits, n + 1);
                    groupsByStart[b][n] = bit;
                } else {
                    otherWords.add(w);
                    otherBits.add(bit);
                }
            }
        }
        anchored = anchoredWords.toArray(new String[0]);
        kinds = anchoredKinds.stream().mapToInt(Integer::intValue).toArray();
        anchoredGroups = anchoredBits.stream().mapToInt(Integer::intValue).toArray();
        others = otherWords.toArray(new String[0]);
        otherGroups = otherBits.stream().mapToInt(Integer::intValue).toArray();
        all = (1 << lists.length) - 1;
    }

    /** One list of words separated by {@code |}. */
    static Keywords of(String alternatives) {
        return new Keywords(new String[] {alternatives});
    }

    /** Several lists, tested together by {@link #matches}: list {@code i} is bit {@code 1 << i}. */
    static Keywords of(String... lists) {
        return new Keywords(lists);
    }

    /** True when {@code lower} (already lower-cased) contains one of the words. */
    boolean in(String lower) {
        return matches(lower) != 0;
    }

    /** The lists of which {@code lower} (already lower-cased) contains a word, one bit per list. */
    int matches(String lower) {
        int found = 0;
        int n = lower.length() - 2;
        char next = n > 0 ? lower.charAt(0) : 0;
        for (int i = 0; i < n; i++) {
            char c = next;
            next = lower.charAt(i + 1);
            if (!starts[pair(c, next)]) {
                continue;
            }
            int b = bucket(lower, i);
            String[] words = byStart[b];
            if (words != null) {
                int[] bits = groupsByStart[b];
                for (int k = 0; k < words.length; k++) {
                    if ((found & bits[k]) == 0 && lower.startsWith(words[k], i)) {
                        found |= bits[k];
                        if (found == all) {
                            return found;
                        }
                    }
                }
            }
        }
        for (int k = 0; k < others.length; k++) {
            if ((found & otherGroups[k]) == 0 && lower.contains(others[k])) {
                found |= otherGroups[k];
            }
        }
        for (int k = 0; k < anchored.length; k++) {
            if ((found & anchoredGroups[k]) != 0) {
                continue;
            }
            String w = anchored[k];
            boolean hit;
            switch (kinds[k]) {
                case START: hit = lower.startsWith(w); break;
                case END: hit = lower.endsWith(w); break;
                default: hit = lower.equals(w); break;
            }
            if (hit) {
                found |= anchoredGroups[k];
            }
        }
        return found;
    }

    private static int pair(char first, char second) {
        return (first & 0x7F) << 7 | (second & 0x7F);
    }

    private static int bucket(String s, int i) {
        return ((s.charAt(i) * 31 + s.charAt(i + 1)) * 31 + s.charAt(i + 2)) & (BUCKETS - 1);
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
