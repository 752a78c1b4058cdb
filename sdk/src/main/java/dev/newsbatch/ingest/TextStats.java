package dev.newsbatch.ingest;

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

    /**
     * Adds the measures {@code cs} of a kept child whose tag is {@code ct}: all of a link's text counts as link
     * text (in-page links {@code #...}, {@code inPageLink}, at 0.3), and the child's tag is counted.
     */
    void addChild(String ct, boolean inPageLink, TextStats cs) {
        add(cs);
        if (ct.equals("a")) {
            double weight = inPageLink ? 0.3 : 1;
            linkLen += cs.len * weight - cs.linkLen;
        }
        // one switch instead of a look-up per tag set: this runs for every element of the page
        switch (ct) {
            case "p": p++; textishLen += cs.len; hasBlock = true; break;
            case "img": img++; textishLen += cs.len; hasBlock = true; break;
            case "li": li++; textishLen += cs.len; break;
            case "input": input++; break;
            case "object": case "embed": case "iframe": embed++; break;
            case "h1": case "h2": case "h3": case "h4": case "h5": case "h6": headingLen += cs.len; break;
            case "span": case "td": textishLen += cs.len; break;
            case "ul": case "ol": listLen += cs.len; textishLen += cs.len; hasBlock = true; break;
            case "blockquote": case "dl": case "div": case "pre": case "table":
                textishLen += cs.len;
                hasBlock = true;
                break;
            default:
                break;
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
