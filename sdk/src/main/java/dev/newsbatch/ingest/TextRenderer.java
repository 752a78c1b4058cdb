package dev.newsbatch.ingest;

import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Renders content elements as plain text: whitespace collapsed, one line per paragraph or block. */
final class TextRenderer {
    private static final Set<String> BLOCK = Set.of("address", "article", "aside", "blockquote", "body", "br", "caption",
            "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
            "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
            "tbody", "thead", "tfoot", "tr", "ul", "center", "html");
    private static final Set<String> CELL = Set.of("td", "th");
    private static final Set<String> SKIP = Set.of("script", "style", "noscript", "template", "head", "title", "meta");

    private final StringBuilder out;
    private final Set<Element> dropped;
    private boolean pendingSpace;
    /** True when nothing was written yet or the output ends with a line break (read instead of the buffer). */
    private boolean atLineStart = true;

    private TextRenderer(Set<Element> dropped, int expectedLength) {
        this.dropped = dropped;
        this.out = new StringBuilder(expectedLength + expectedLength / 8 + 16);
    }

    /**
     * Renders {@code parts} leaving out {@code dropped}. The parts' descendants are expected to have been
     * checked by {@link ContentCleaner} (which drops hidden and script-like elements), so only the parts
     * themselves are checked here.
     *
     * @param expectedLength the text's approximate length, to size the buffer
     */
    static String render(List<Element> parts, Set<Element> dropped, int expectedLength) {
        TextRenderer r = new TextRenderer(dropped, expectedLength);
        for (Element p : parts) {
            if (!ContentCleaner.isNeverContent(p, p.normalName())) {
                r.element(p);
            }
            r.newline();
        }
        return r.out.toString().strip();
    }

    private void element(Element e) {
        if (dropped.contains(e)) {
            return;
        }
        String tag = e.normalName();
        if (SKIP.contains(tag)) {
            return;
        }
        boolean block = BLOCK.contains(tag);
        boolean cell = !block && CELL.contains(tag);
        if (block) {
            newline();
        } else if (cell) {
            pendingSpace = true;
        }
        for (int i = 0, count = e.childNodeSize(); i < count; i++) {
            Node n = e.childNode(i);
            if (n instanceof TextNode) {
                text(((TextNode) n).getWholeText());
            } else if (n instanceof Element) {
                element((Element) n);
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

    private static boolean isSpace(char c) {
        return c <= ' ' ? Character.isWhitespace(c) : c >= 0x7F && (Character.isWhitespace(c) || c == '\u00A0' || c == '\u200B');
    }

    private void newline() {
        if (!atLineStart) {
            out.append('\n');
            atLineStart = true;
        }
        pendingSpace = false;
    }
}
