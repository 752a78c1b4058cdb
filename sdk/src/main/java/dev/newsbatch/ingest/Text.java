package dev.newsbatch.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small text measures shared by the extractor. */
final class Text {
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private Text() {}

    /** Collapses runs of whitespace (including non-breaking spaces) to one space and trims. */
    static String normalise(String s) {
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

    static int wordCount(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : WHITESPACE.split(t).length;
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
