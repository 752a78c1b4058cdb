package dev.newsbatch.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * Text measures of one subtree, leaving out dropped elements: its length with whitespace runs counted once, the
 * part of it that is link text, its commas, and how many paragraphs, images, list items, inputs and embeds it has.
 */
final class TextStats {
    // Tags whose presence makes a div a container rather than a paragraph (hasBlock): blockquote, dl, div, img,
    // ol, p, pre, table, ul. Text-like tags (textishLen): those and span, li, td.

    int len;
    double linkLen;
    int commas;
    int p;
    int img;
    int li;
    int input;
    int headingLen;
    int embed;
    int textishLen;
    int listLen;
    boolean hasBlock;

    void add(TextStats c) {
        len += c.len;
        linkLen += c.linkLen;
        commas += c.commas;
        p += c.p;
        img += c.img;
        li += c.li;
        input += c.input;
        headingLen += c.headingLen;
        embed += c.embed;
        textishLen += c.textishLen;
        listLen += c.listLen;
        hasBlock |= c.hasBlock;
    }

    // what a child's tag counts as (see addChild): a kind per tag, looked up once per element by the PageTree
    static final int OTHER = 0;
    static final int LINK = 1;
    static final int PARAGRAPH = 2;
    static final int IMAGE = 3;
    static final int LIST_ITEM = 4;
    static final int INPUT = 5;
    static final int EMBED = 6;
    static final int HEADING = 7;
    static final int TEXTISH = 8;
    static final int LIST = 9;
    static final int BLOCK = 10;

    /** The kind of child each tag makes, for the kinds other than {@link #OTHER}. */
    static final Map<String, Integer> KINDS = kinds();

    private static Map<String, Integer> kinds() {
        Map<String, Integer> m = new HashMap<>();
        // the tags of each kind, by kind from OTHER (no tag named: all others are of it) to BLOCK
        String[][] tags = {{}, {"a"}, {"p"}, {"img"}, {"li"}, {"input"}, {"object", "embed", "iframe"},
            {"h1", "h2", "h3", "h4", "h5", "h6"}, {"span", "td"}, {"ul", "ol"},
            {"blockquote", "dl", "div", "pre", "table"}};
        for (int kind = 0; kind < tags.length; kind++) {
            for (String t : tags[kind]) {
                m.put(t, kind);
            }
        }
        return Map.copyOf(m);
    }

    /**
     * Adds the measures {@code cs} of a kept child of kind {@code kind} (see {@link #KINDS}): all of a link's text
     * counts as link text (in-page links {@code #...}, {@code inPageLink}, at 0.3), and the child's tag is counted.
     */
    void addChild(int kind, boolean inPageLink, TextStats cs) {
        add(cs);
        switch (kind) {
            case LINK:
                linkLen += cs.len * (inPageLink ? 0.3 : 1) - cs.linkLen;
                break;
            case PARAGRAPH: p++; textishLen += cs.len; hasBlock = true; break;
            case IMAGE: img++; textishLen += cs.len; hasBlock = true; break;
            case LIST_ITEM: li++; textishLen += cs.len; break;
            case INPUT: input++; break;
            case EMBED: embed++; break;
            case HEADING: headingLen += cs.len; break;
            case TEXTISH: textishLen += cs.len; break;
            case LIST: listLen += cs.len; textishLen += cs.len; hasBlock = true; break;
            case BLOCK: textishLen += cs.len; hasBlock = true; break;
            default: break;
        }
    }

    /**
     * Adds the length of {@code text} with whitespace runs counted as one character (leading whitespace not
     * counted) and its commas, as {@link TextScan} measures them.
     */
    void addText(String text) {
        TextScan scan = new TextScan();
        scan.scan(text);
        addText(scan.len, scan.commas);
    }

    /** Adds a text's measures as {@link TextScan} took them. */
    void addText(int length, int commaCount) {
        len += length;
        commas += commaCount;
    }

    double linkDensity() {
        return len == 0 ? 0 : linkLen / len;
    }
}
