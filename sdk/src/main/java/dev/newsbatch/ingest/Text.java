package dev.newsbatch.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small text measures shared by the extractor. */
final class Text {
    private Text() {}

    /** Collapses runs of whitespace (including non-breaking spaces) to one space and trims. */
    static String normalise(String s) {
        if (isNormal(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    /** True when {@link #normalise} would return {@code s} unchanged: its only whitespace are single inner spaces. */
    private static boolean isNormal(String s) {
        int n = s.length();
        if (n == 0) {
            return true;
        }
        boolean space = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (space) {
                    return false;
                }
                space = true;
            } else if (isSpace(c)) {
                return false;
            } else {
                space = false;
            }
        }
        return !space;
    }

    /**
     * As {@code Character.isWhitespace(c) || c == '\u00A0'}, with short paths for the characters that are not
     * (every whitespace character above U+00A0 lies between U+1680 and U+3000).
     */
    static boolean isSpace(char c) {
        if (c <= ' ') {
            // the whitespace characters up to the space: tab to carriage return, the four separators, the space
            return c == ' ' || (c >= '\t' && c <= '\r') || c >= '\u001C';
        }
        if (c < '\u00A0') {
            return false;
        }
        return c == '\u00A0' || (c >= '\u1680' && c <= '\u3000' && Character.isWhitespace(c));
    }

    /**
     * The words of {@code s}: its parts between runs of {@code \\s} whitespace once it is stripped, as
     * {@code s.strip().split("\\s+").length} counts them (0 for a blank string).
     */
    static int wordCount(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return 0;
        }
        // stripping took every \s character off both ends: each run inside starts one more word
        int words = 1;
        boolean inRun = false;
        for (int i = 0, n = t.length(); i < n; i++) {
            char c = t.charAt(i);
            boolean ws = c == ' ' || (c >= '\t' && c <= '\r');
            if (ws && !inRun) {
                words++;
            }
            inRun = ws;
        }
        return words;
    }

    /** Share of {@code b}'s text made of words that also occur in {@code a} (1 when all do). */
    static double similarity(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        return similarity(new HashSet<>(tokens(a)), b);
    }

    /** As {@link #similarity(String, String)} with the words {@code ta} of {@code a} (for comparing one text often). */
    static double similarity(Set<String> ta, String b) {
        if (b == null) {
            return 0;
        }
        List<String> tb = tokens(b);
        if (ta.isEmpty() || tb.isEmpty()) {
            return 0;
        }
        int all = tb.size() - 1;
        int uniq = -1;
        for (String t : tb) {
            all += t.length();
            if (!ta.contains(t)) {
                uniq += t.length() + 1;
            }
        }
        return 1 - (double) Math.max(0, uniq) / all;
    }

    /** The lower-cased runs of letters, digits and underscores of {@code s}. */
    static List<String> tokens(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            if (isWordChar(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                out.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(lower.substring(start));
        }
        return out;
    }

    private static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '_' || (cp >= 'A' && cp <= 'Z');
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER: case Character.LOWERCASE_LETTER: case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER: case Character.OTHER_LETTER:
            case Character.DECIMAL_DIGIT_NUMBER: case Character.LETTER_NUMBER: case Character.OTHER_NUMBER:
                return true;
            default:
                return false;
        }
    }
}
