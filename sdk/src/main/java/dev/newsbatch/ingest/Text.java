package dev.newsbatch.ingest;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Small text measures shared by the extractor. */
final class Text {
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

    static int wordCount(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** Share of {@code b}'s text made of words that also occur in {@code a} (1 when all do). */
    static double similarity(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        Set<String> ta = new HashSet<>(tokens(a));
        List<String> tb = tokens(b);
        if (ta.isEmpty() || tb.isEmpty()) {
            return 0;
        }
        String uniq = tb.stream().filter(t -> !ta.contains(t)).collect(Collectors.joining(" "));
        return 1 - (double) uniq.length() / String.join(" ", tb).length();
    }

    private static List<String> tokens(String s) {
        return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")).filter(t -> !t.isEmpty())
                .collect(Collectors.toList());
    }
}
