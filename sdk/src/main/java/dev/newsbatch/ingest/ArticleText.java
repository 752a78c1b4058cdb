package dev.newsbatch.ingest;

/**
 * The rules every text field of an article follows, wherever the article comes from (a file, a request
 * body of the REST API): the text is valid Unicode (no lone surrogate) without NUL characters, and a
 * required field is not empty, where text made only of whitespace, no-break spaces or zero-width
 * characters (U+200B..U+200D, U+2060, U+FEFF) counts as empty.
 *
 * <pre>{@code
 * ArticleText.problem("\u200B ", true);   // "is empty: only whitespace or invisible characters"
 * ArticleText.problem("a\u0000b", true);  // "has a NUL character (U+0000) at character 1, expected text without NUL characters"
 * ArticleText.problem("Rates rise", true); // null
 * }</pre>
 */
public final class ArticleText {
    /** Each thread's copy buffer for {@link #invalidUnicode(String)}. */
    private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[2048]);

    private ArticleText() {}

    /**
     * What is wrong with {@code value} as the text of a field, phrased to follow the field's name
     * ({@code field "contents" is empty}), or {@code null} when it is fine. A {@code null} value is fine
     * unless {@code required} (then it {@code is missing}).
     */
    public static String problem(String value, boolean required) {
        if (value == null) {
            return required ? "is missing" : null;
        }
        String invalid = invalidUnicode(value);
        if (invalid != null) {
            return invalid;
        }
        if (required && isEmpty(value)) {
            return value.isEmpty() ? "is empty" : "is empty: only whitespace or invisible characters";
        }
        return null;
    }

    /** True for {@code null}, {@code ""} and text made only of whitespace, no-break spaces and zero-width characters. */
    public static boolean isEmpty(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!invisible(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where {@code value} is not valid text: its first lone surrogate or NUL character, e.g.
     * {@code has a lone surrogate (U+D800) at character 0, expected valid Unicode text}; {@code null} when
     * there is none.
     */
    public static String invalidUnicode(String value) {
        if (value == null) {
            return null;
        }
        // The common case, scanned in copies of the text: one comparison a character, no per-character call.
        char[] buf = SCRATCH.get();
        int n = value.length();
        for (int start = 0; start < n; start += buf.length) {
            int len = Math.min(buf.length, n - start);
            value.getChars(start, start + len, buf, 0);
            for (int k = 0; k < len; k++) {
                char c = buf[k];
                if (c == 0 || c >= Character.MIN_SURROGATE) {
                    return invalidUnicode(value, start + k);
                }
            }
        }
        return null;
    }

    /** {@link #invalidUnicode(String)} from {@code from}, where the first NUL or surrogate may be. */
    private static String invalidUnicode(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != 0 && c < Character.MIN_SURROGATE) {
                continue;
            }
            if (c == 0) {
                return "has a NUL character (U+0000) at character " + i + ", expected text without NUL characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "has a lone surrogate (U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                        + ") at character " + i + ", expected valid Unicode text";
            }
        }
        return null;
    }

    private static boolean invisible(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF';
    }
}
