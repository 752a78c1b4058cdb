package dev.newsbatch.ingest;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The body of a page read once, in one walk, into arrays indexed by node number: its elements and text nodes in
 * document order (the body's ancestors first, as scoring reaches them), each node's parent and the end of its
 * subtree, and each element's tag. What a node's content gives is read when first asked for, once: the hints an
 * element's attributes give (hidden, byline-like, unlikely, share) and a text node's collapsed length and commas,
 * so that the parts of a page the search leaves out whole (scripts, navigation, comments) are not read at all.
 * Every search for the content, the cleaning and the rendering read these numbers instead of the DOM; the same
 * walk passes the body's meta tags and JSON-LD scripts to the metadata. The DOM is not changed.
 */
final class PageTree {
    /** Scripts, styles and hidden elements (see {@link ContentCleaner#isNeverContent(String, Hints)}). */
    static final int NEVER_CONTENT = 1;
    static final int HAS_ATTRIBUTES = 1 << 1;
    /** A {@code rel=author}, an {@code itemprop} naming the author, or a class or id reading like a byline. */
    static final int BYLINE_HINT = 1 << 2;
    /** A class or id reading like boilerplate and not like content, on an element other than a and body. */
    static final int UNLIKELY = 1 << 3;
    /** A role of navigation, menus, dialogs and complementary parts. */
    static final int UNLIKELY_ROLE = 1 << 4;
    /** A class or id mentioning sharing. */
    static final int SHARE = 1 << 5;
    /** A link to a place in the page ({@code href="#..."}). */
    static final int IN_PAGE_LINK = 1 << 6;
    /** Inline (phrasing) content. */
    static final int PHRASING = 1 << 7;
    /** A tag whose elements are scored as paragraphs (p, pre, td, section, h2-h6). */
    static final int SCORED = 1 << 8;
    /** Rendered on lines of its own. */
    static final int BLOCK = 1 << 9;
    /** A table cell: rendered set off by spaces. */
    static final int CELL = 1 << 10;
    /** Never rendered (script, style, head parts). */
    static final int SKIP = 1 << 11;
    /** A text node that renders as its trimmed self (see {@link TextScan#plain}). */
    static final int PLAIN_TEXT = 1 << 12;
    /** Set once an element's attributes or a text node's characters were read (the flags below then hold). */
    private static final int READ = 1 << 13;
    /** The tags div, table and code, which scoring tells apart. */
    static final int DIV = 1 << 14;
    static final int TABLE = 1 << 15;
    static final int CODE = 1 << 16;
    /** Where an element's {@link TextStats#KINDS kind of child} is kept in its flags. */
    private static final int KIND_SHIFT = 20;
    /** The flags known only once a node was read; the others come from the tag. */
    private static final int READ_FLAGS = NEVER_CONTENT | HAS_ATTRIBUTES | BYLINE_HINT | UNLIKELY | UNLIKELY_ROLE
            | SHARE | IN_PAGE_LINK | PLAIN_TEXT;

    private static final Map<String, Integer> TAG_FLAGS = tagFlags();

    private Node[] nodes;
    private int[] end;
    private int[] parent;
    /** The tag of an element; null for a text node. */
    private String[] tag;
    private int[] flags;
    /** Collapsed length and commas of a text node (see {@link TextScan}). */
    private int[] textLen;
    private int[] textCommas;
    /** The trimmed class of an element, or null for none. */
    private String[] className;
    /** {@link Element#text()} of elements, kept when first asked for (null until then). */
    private String[] texts;
    /** The class weight of an element (see {@link Hints#classWeight(Element)}), once read. */
    private int[] weight;
    private int size;
    private final int body;
    private final Hints hints;
    private final TextScan measure = new TextScan();

    private PageTree(Element body, PageMetadata.Sources sources) {
        int capacity = 128;
        nodes = new Node[capacity];
        end = new int[capacity];
        parent = new int[capacity];
        tag = new String[capacity];
        flags = new int[capacity];
        textLen = new int[capacity];
        textCommas = new int[capacity];
        className = new String[capacity];
        weight = new int[capacity];
        // the body's ancestors that scoring passes points to: all but a top one that is not the html element
        int top = 0;
        Element[] chain = new Element[8];
        for (Element a = body.parent(); a != null; a = a.parent()) {
            if (a.parent() == null && !"html".equals(a.normalName())) {
                break;
            }
            if (top == chain.length) {
                chain = Arrays.copyOf(chain, top * 2);
            }
            chain[top++] = a;
        }
        int p = -1;
        for (int k = top - 1; k >= 0; k--) {
            int i = slot(chain[k], p);
            tag[i] = chain[k].normalName();
            // scoring reaches them only as ancestors: their attributes give no hints
            flags[i] = READ;
            p = i;
        }
        hints = Hints.forPage(body.ownerDocument());
        this.body = size;
        addElement(body, p, sources);
        for (int k = 0; k < top; k++) {
            end[k] = size;
        }
    }

    /**
     * Reads the subtree of {@code body}; its meta tags and JSON-LD scripts go to {@code sources} (when not null)
     * in document order.
     */
    static PageTree of(Element body, PageMetadata.Sources sources) {
        return new PageTree(body, sources);
    }

    private int slot(Node n, int p) {
        if (size == nodes.length) {
            int c = size * 2;
            nodes = Arrays.copyOf(nodes, c);
            end = Arrays.copyOf(end, c);
            parent = Arrays.copyOf(parent, c);
            tag = Arrays.copyOf(tag, c);
            flags = Arrays.copyOf(flags, c);
            textLen = Arrays.copyOf(textLen, c);
            textCommas = Arrays.copyOf(textCommas, c);
            className = Arrays.copyOf(className, c);
            weight = Arrays.copyOf(weight, c);
        }
        int i = size++;
        nodes[i] = n;
        parent[i] = p;
        return i;
    }

    private void addElement(Element e, int p, PageMetadata.Sources sources) {
        int i = slot(e, p);
        String t = e.normalName();
        tag[i] = t;
        Integer tf = TAG_FLAGS.get(t);
        flags[i] = tf == null ? 0 : tf;
        if (sources != null) {
            sources.add(e, t);
        }
        for (int k = 0, n = e.childNodeSize(); k < n; k++) {
            Node c = e.childNode(k);
            if (c instanceof TextNode) {
                int j = slot(c, i);
                end[j] = j + 1;
            } else if (c instanceof Element) {
                addElement((Element) c, i, sources);
            }
        }
        end[i] = size;
    }

    /** Reads node {@code i}: an element's attribute hints, or a text node's measures. */
    private void read(int i) {
        String t = tag[i];
        int f = flags[i] | READ;
        if (t == null) {
            measure.scan(((TextNode) nodes[i]).getWholeText());
            textLen[i] = measure.len;
            textCommas[i] = measure.commas;
            f |= measure.plain ? PLAIN_TEXT : 0;
        } else {
            Element e = (Element) nodes[i];
            if (hints.read(e).count > 0) {
                String c = hints.className();
                String lowerClass = Keywords.lower(c);
                String lowerId = Keywords.lower(hints.id);
                int classWords = ContentCleaner.hintWords(lowerClass);
                int idWords = ContentCleaner.hintWords(lowerId);
                f |= HAS_ATTRIBUTES | ContentCleaner.hintFlags(t, hints, lowerClass, lowerId, classWords | idWords);
                weight[i] = Hints.weight(classWords) + Hints.weight(idWords);
                className[i] = c.isEmpty() ? null : c;
                if (hints.href.startsWith("#") && t.equals("a")) {
                    f |= IN_PAGE_LINK;
                }
            }
            if (ContentCleaner.isNeverContent(t, hints)) {
                f |= NEVER_CONTENT;
            }
        }
        flags[i] = f;
    }

    private static Map<String, Integer> tagFlags() {
        Map<String, Integer> m = new HashMap<>();
        for (String t : new String[] {"abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data",
                "datalist", "dfn", "em", "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter",
                "noscript", "object", "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span",
                "strong", "sub", "sup", "textarea", "time", "var", "wbr", "a", "del", "ins", "font", "u", "s",
                "strike", "tt", "big"}) {
            m.merge(t, PHRASING, (a, b) -> a | b);
        }
        for (String t : new String[] {"section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"}) {
            m.merge(t, SCORED, (a, b) -> a | b);
        }
        for (String t : new String[] {"address", "article", "aside", "blockquote", "body", "br", "caption", "dd",
                "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
                "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
                "table", "tbody", "thead", "tfoot", "tr", "ul", "center", "html"}) {
            m.merge(t, BLOCK, (a, b) -> a | b);
        }
        m.merge("td", CELL, (a, b) -> a | b);
        m.merge("th", CELL, (a, b) -> a | b);
        m.merge("div", DIV, (a, b) -> a | b);
        m.merge("table", TABLE, (a, b) -> a | b);
        m.merge("code", CODE, (a, b) -> a | b);
        TextStats.KINDS.forEach((t, kind) -> m.merge(t, kind << KIND_SHIFT, (a, b) -> a | b));
        for (String t : new String[] {"script", "style", "noscript", "template", "head", "title", "meta"}) {
            m.merge(t, SKIP, (a, b) -> a | b);
        }
        return m;
    }

    /** How many nodes there are. */
    int size() {
        return size;
    }

    /** The number of the body. */
    int body() {
        return body;
    }

    Node node(int i) {
        return nodes[i];
    }

    Element element(int i) {
        return (Element) nodes[i];
    }

    /** The number just past the subtree of node {@code i}. */
    int end(int i) {
        return end[i];
    }

    /** The parent of node {@code i}, or -1 above the body's topmost scored ancestor. */
    int parent(int i) {
        return parent[i];
    }

    /** The tag of element {@code i}; null for a text node. */
    String tag(int i) {
        return tag[i];
    }

    /** The {@link TextStats#KINDS kind of child} element {@code i} makes. */
    int kind(int i) {
        return flags[i] >>> KIND_SHIFT;
    }

    boolean isText(int i) {
        return tag[i] == null;
    }

    boolean has(int i, int flag) {
        int f = flags[i];
        if ((flag & READ_FLAGS) != 0 && (f & READ) == 0) {
            read(i);
            f = flags[i];
        }
        return (f & flag) != 0;
    }

    /** The collapsed length of text node {@code i} (see {@link TextScan}). */
    int textLen(int i) {
        if ((flags[i] & READ) == 0) {
            read(i);
        }
        return textLen[i];
    }

    /** The commas of text node {@code i}. */
    int textCommas(int i) {
        if ((flags[i] & READ) == 0) {
            read(i);
        }
        return textCommas[i];
    }

    /** The trimmed class of element {@code i}, as {@link Element#className()}. */
    String className(int i) {
        if ((flags[i] & READ) == 0) {
            read(i);
        }
        String c = className[i];
        return c == null ? "" : c;
    }

    /** True when {@code a} is a proper ancestor of {@code d}. */
    boolean isAncestor(int a, int d) {
        return a < d && d < end[a];
    }

    /** How many element children element {@code i} has. */
    int elementChildren(int i) {
        int count = 0;
        for (int c = i + 1, e = end[i]; c < e; c = end[c]) {
            if (tag[c] != null) {
                count++;
            }
        }
        return count;
    }

    /** {@link Hints#classWeight(Element)} of element {@code i}. */
    int classWeight(int i) {
        if ((flags[i] & READ) == 0) {
            read(i);
        }
        return weight[i];
    }

    /** {@link Element#text()} of element {@code i}. */
    String text(int i) {
        if (texts == null) {
            texts = new String[size];
        }
        String t = texts[i];
        if (t == null) {
            t = element(i).text();
            texts[i] = t;
        }
        return t;
    }
}
