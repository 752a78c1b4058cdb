package dev.newsbatch.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * What the words of a page's class and id values say, worked out once per distinct value: the {@link
 * ContentCleaner}'s hint words ({@link ContentCleaner#hintWords}) and the {@link Hints#weight class weight}. A
 * class and an id are looked at one by one; as no hint word holds a space, this finds what looking at both joined
 * by a space finds. One instance serves one walk of one page; not thread-safe.
 */
final class ClassWords {
    private static final int NEGATIVE = 1 << 5;
    private static final int POSITIVE = 1 << 6;

    private final Map<String, Integer> known = new HashMap<>();

    /** The words of {@code value} (a trimmed class or an id); 0 for an empty one. */
    int of(String value) {
        if (value.isEmpty()) {
            return 0;
        }
        Integer words = known.get(value);
        if (words == null) {
            String lower = Keywords.lower(value);
            int w = Hints.weight(lower);
            words = ContentCleaner.hintWords(lower) | (w < 0 ? NEGATIVE : 0) | (w > 0 ? POSITIVE : 0);
            known.put(value, words);
        }
        return words;
    }

    /** The {@link ContentCleaner#hintWords hint words} of {@code words}. */
    static int hints(int words) {
        return words & (NEGATIVE - 1);
    }

    /** The class weight of {@code words}: -25, 0 or 25. */
    static int weight(int words) {
        return ((words & POSITIVE) != 0 ? 25 : 0) - ((words & NEGATIVE) != 0 ? 25 : 0);
    }
}
