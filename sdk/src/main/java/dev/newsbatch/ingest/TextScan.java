package dev.newsbatch.ingest;

/**
 * One pass over a text node's characters: its length with whitespace runs counted as one character (leading
 * whitespace not counted), its commas, and whether it is plain: between its leading and trailing whitespace, every
 * whitespace character is a single space followed by a non-space (and there is no zero-width space), so that it
 * renders as its trimmed self. Not thread-safe.
 */
final class TextScan {
    /** The collapsed length of the last text scanned. */
    int len;
    /** The commas of the last text scanned (ASCII and the other comma characters). */
    int commas;
    /** True when the last text scanned is plain. */
    boolean plain;

    /** Scans {@code text}, setting {@link #len}, {@link #commas} and {@link #plain}. */
    void scan(String text) {
        int length = text.length();
        int n = 0;
        int found = 0;
        boolean zeroWidth = false;
        // whitespace other than a single space after a non-space was seen, and a non-space followed it
        boolean irregular = false;
        boolean broken = false;
        int i = 0;
        // leading whitespace is not counted and is not irregular
        while (i < length && Text.isSpace(text.charAt(i))) {
            i++;
        }
        boolean space = true;
        while (i < length) {
            char c = text.charAt(i);
            if (c > ' ' && c < 0x7F) {
                // a run of visible ASCII characters and single spaces between them, most of most texts, in a loop
                // of its own: each such space counts once, as a run of its own would
                int start = i;
                boolean spaced = false;
                while (true) {
                    if (c == ',') {
                        found++;
                    }
                    if (++i == length) {
                        break;
                    }
                    c = text.charAt(i);
                    if (c == ' ' && i + 1 < length) {
                        char d = text.charAt(i + 1);
                        if (d > ' ' && d < 0x7F) {
                            spaced = true;
                            c = d;
                            i++;
                            continue;
                        }
                    }
                    if (c <= ' ' || c >= 0x7F) {
                        break;
                    }
                }
                // a single space after a non-space is regular; after irregular whitespace it breaks the text
                broken |= spaced & irregular;
                n += i - start;
                space = false;
                continue;
            }
            i++;
            if (Text.isSpace(c)) {
                if (!space) {
                    broken |= irregular;
                    irregular |= c != ' ';
                    n++;
                    space = true;
                } else {
                    irregular = true;
                }
            } else {
                n++;
                space = false;
                if (c == '\u060C' || c == '\uFE50' || c == '\uFE10' || c == '\uFE11' || c == '\u2E41'
                        || c == '\u2E34' || c == '\u2E32' || c == '\uFF0C') {
                    found++;
                } else if (c == '\u200B') {
                    zeroWidth = true;
                }
            }
        }
        len = n;
        commas = found;
        plain = !zeroWidth && !broken && (!irregular || space);
    }
}
