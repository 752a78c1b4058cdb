package dev.newsbatch.internal.engine;

/**
 * Tells, without parsing, when a JSON object's text is already what a Jackson generator writes when it
 * copies the object token by token: no whitespace between tokens, no escape in any string (so none to
 * write differently), integers only (a float is written in Java's form) and no {@code -0}, nothing after
 * the object. Conservative: false for anything else, which then goes through the generator. It does not
 * check that the text is JSON; the parse that reads it does.
 *
 * <pre>{@code
 * CompactJson.is("{\"a\":[1,\"b\"]}".toCharArray(), 0, 13);     // true
 * CompactJson.is("{\"a\": 1.0}".toCharArray(), 0, 10);          // false
 * }</pre>
 */
final class CompactJson {
    private CompactJson() {}

    /** True when the {@code len} chars from {@code off} are one object as a generator would write it. */
    static boolean is(char[] c, int off, int len) {
        int end = off + len;
        if (len < 2 || c[off] != '{') {
            return false;
        }
        int depth = 0;
        int i = off;
        while (i < end) {
            char ch = c[i];
            if (ch == '"') {
                i++;
                while (i < end && (ch = c[i]) != '"') {
                    if (ch == '\\' || ch < 0x20) {
                        return false;
                    }
                    i++;
                }
                if (i == end) {
                    return false;
                }
                i++;
                continue;
            }
            if (ch == '{' || ch == '[') {
                depth++;
            } else if (ch == '}' || ch == ']') {
                if (--depth == 0) {
                    return i == end - 1;
                }
            } else if (ch == '-' || (ch >= '0' && ch <= '9')) {
                int start = i;
                while (i + 1 < end && (ch = c[i + 1]) >= '0' && ch <= '9') {
                    i++;
                }
                // -0 is written 0; '.', 'e' and 'E' make a float
                if (c[start] == '-' && i == start + 1 && c[i] == '0') {
                    return false;
                }
                if (i + 1 < end && ((ch = c[i + 1]) == '.' || ch == 'e' || ch == 'E')) {
                    return false;
                }
            } else if (ch != ':' && ch != ',' && (ch < 'a' || ch > 'z')) {
                return false;   // whitespace, or anything else a generator would not write
            }
            i++;
        }
        return false;
    }
}
