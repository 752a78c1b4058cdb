package dev.newsbatch.ingest;

import org.jsoup.nodes.TextNode;

/** Renders content elements as plain text: whitespace collapsed, one line per paragraph or block. */
final class TextRenderer {
    private final PageTree tree;
    private final StringBuilder out;
    private final boolean[] dropped;
    private boolean pendingSpace;
    /** True when nothing was written yet or the output ends with a line break (read instead of the buffer). */
    private boolean atLineStart = true;

    private TextRenderer(PageTree tree, boolean[] dropped, int expectedLength) {
        this.tree = tree;
        this.dropped = dropped;
        this.out = new StringBuilder(expectedLength + expectedLength / 8 + 16);
    }

    /**
     * Renders the elements {@code parts} of {@code tree} leaving out those {@code dropped} marks. The parts'
     * descendants are expected to have been checked by {@link ContentCleaner} (which drops hidden and script-like
     * elements), so only the parts themselves are checked here.
     *
     * @param expectedLength the text's approximate length, to size the buffer
     */
    static String render(PageTree tree, int[] parts, boolean[] dropped, int expectedLength) {
        TextRenderer r = new TextRenderer(tree, dropped, expectedLength);
        for (int p : parts) {
            if (!tree.has(p, PageTree.NEVER_CONTENT)) {
                r.element(p);
            }
            r.newline();
        }
        return r.out.toString().strip();
    }

    private void element(int e) {
        if (dropped[e] || tree.has(e, PageTree.SKIP)) {
            return;
        }
        boolean block = tree.has(e, PageTree.BLOCK);
        boolean cell = !block && tree.has(e, PageTree.CELL);
        if (block) {
            newline();
        } else if (cell) {
            pendingSpace = true;
        }
        for (int c = e + 1, end = tree.end(e); c < end; c = tree.end(c)) {
            if (tree.isText(c)) {
                String t = ((TextNode) tree.node(c)).getWholeText();
                if (tree.has(c, PageTree.PLAIN_TEXT)) {
                    plainText(t);
                } else {
                    text(t);
                }
            } else {
                element(c);
            }
        }
        if (block) {
            newline();
        } else if (cell) {
            pendingSpace = true;
        }
    }

    /**
     * Appends {@code t} with whitespace collapsed; words separated by single spaces are appended as one run,
     * which is most of the text of most pages.
     */
    private void text(String t) {
        int i = 0;
        int n = t.length();
        while (i < n) {
            char c = t.charAt(i);
            if (isSpace(c)) {
                pendingSpace = true;
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n) {
                char d = t.charAt(end);
                if (d > ' ' && d < 0x7F) {
                    end++;
                } else if (d == ' ') {
                    if (end + 1 < n && !isSpace(t.charAt(end + 1))) {
                        end += 2;
                    } else {
                        break;
                    }
                } else if (!isSpace(d)) {
                    end++;
                } else {
                    break;
                }
            }
            if (pendingSpace && !atLineStart) {
                out.append(' ');
            }
            pendingSpace = false;
            atLineStart = false;
            out.append(t, i, end);
            i = end;
        }
    }

    /** As {@link #text(String)} for a text that {@link TextScan} found plain: only its ends need looking at. */
    private void plainText(String t) {
        int n = t.length();
        int start = 0;
        while (start < n && isSpace(t.charAt(start))) {
            start++;
        }
        if (start == n) {
            pendingSpace |= n > 0;
            return;
        }
        int end = n;
        while (isSpace(t.charAt(end - 1))) {
            end--;
        }
        if ((pendingSpace || start > 0) && !atLineStart) {
            out.append(' ');
        }
        atLineStart = false;
        out.append(t, start, end);
        pendingSpace = end < n;
    }

    private static boolean isSpace(char c) {
        return Text.isSpace(c) || c == '\u200B';
    }

    private void newline() {
        if (!atLineStart) {
            out.append('\n');
            atLineStart = true;
        }
        pendingSpace = false;
    }
}
