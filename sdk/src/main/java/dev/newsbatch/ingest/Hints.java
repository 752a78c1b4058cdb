package dev.newsbatch.ingest;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The attributes that hint at an element's role. An instance holds those the {@link PageTree} reads, looked up
 * until every attribute of the element is accounted for; names are compared ignoring case, and the first of
 * duplicates wins, as with {@link Element#attr(String)}. For a page whose parser lower-cases attribute names
 * (jsoup's HTML parser does, and drops duplicates), one pass over the attributes, comparing names exactly, finds
 * the same values faster ({@link #Hints(boolean)}). {@link #classWeight(Element)} rates a class and id as
 * content-like or boilerplate-like.
 */
final class Hints {
    /** Words of a content-like class or id (see {@link #classWeight(Element)}). */
    static final String POSITIVE_WORDS = "article|body|content|entry|hentry|h-entry|main|page|pagination"
            + "|post|text|blog|story";
    /** Words of a boilerplate-like class or id. */
    static final String NEGATIVE_WORDS = "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-"
            + "|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar"
            + "|skyscraper|sponsor|shopping|tags|widget";

    int count;
    String cls;
    String id;
    String rel;
    String itemprop;
    String role;
    String style;
    String ariaHidden;
    String href;
    boolean hidden;
    private final boolean lowerCaseNames;

    /** Hints that look names up ignoring case. */
    Hints() {
        this(false);
    }

    /** Hints that look names up exactly when {@code lowerCaseNames}: the page's attribute names are all lower case. */
    Hints(boolean lowerCaseNames) {
        this.lowerCaseNames = lowerCaseNames;
    }

    /** Hints for the elements of {@code doc}: exact look-ups when its parser lower-cases attribute names. */
    static Hints forPage(Document doc) {
        return new Hints(doc != null && doc.parser() != null && !doc.parser().settings().preserveAttributeCase());
    }

    Hints read(Element e) {
        count = e.attributesSize();
        if (count == 0) {
            cls = id = rel = itemprop = role = style = ariaHidden = href = "";
            hidden = false;
            return this;
        }
        Attributes a = e.attributes();
        if (lowerCaseNames) {
            return readLowerCase(a);
        }
        // a look-up per name ignoring case; once as many names were found as the element has attributes, the others
        // are absent
        int left = count;
        cls = get(a, "class");
        left -= cls.isEmpty() ? 0 : 1;
        id = get(a, "id");
        left -= id.isEmpty() ? 0 : 1;
        href = left > 0 ? get(a, "href") : "";
        left -= href.isEmpty() ? 0 : 1;
        style = left > 0 ? get(a, "style") : "";
        left -= style.isEmpty() ? 0 : 1;
        role = left > 0 ? get(a, "role") : "";
        left -= role.isEmpty() ? 0 : 1;
        rel = left > 0 ? get(a, "rel") : "";
        left -= rel.isEmpty() ? 0 : 1;
        itemprop = left > 0 ? get(a, "itemprop") : "";
        left -= itemprop.isEmpty() ? 0 : 1;
        ariaHidden = left > 0 ? get(a, "aria-hidden") : "";
        left -= ariaHidden.isEmpty() ? 0 : 1;
        hidden = left > 0 && (lowerCaseNames ? a.hasKey("hidden") : a.hasKeyIgnoreCase("hidden"));
        return this;
    }

    /**
     * Reads the hints of attributes whose names are lower case, in one pass over them (cheaper than a look-up per
     * name); the first attribute of a name wins.
     */
    private Hints readLowerCase(Attributes attributes) {
        cls = id = rel = itemprop = role = style = ariaHidden = href = "";
        hidden = false;
        int seen = 0;
        for (Attribute a : attributes) {
            int bit;
            switch (a.getKey()) {
                case "class": bit = 1; if ((seen & bit) == 0) { cls = a.getValue(); } break;
                case "id": bit = 2; if ((seen & bit) == 0) { id = a.getValue(); } break;
                case "href": bit = 4; if ((seen & bit) == 0) { href = a.getValue(); } break;
                case "style": bit = 8; if ((seen & bit) == 0) { style = a.getValue(); } break;
                case "role": bit = 16; if ((seen & bit) == 0) { role = a.getValue(); } break;
                case "rel": bit = 32; if ((seen & bit) == 0) { rel = a.getValue(); } break;
                case "itemprop": bit = 64; if ((seen & bit) == 0) { itemprop = a.getValue(); } break;
                case "aria-hidden": bit = 128; if ((seen & bit) == 0) { ariaHidden = a.getValue(); } break;
                case "hidden": bit = 0; hidden = true; break;
                default: bit = 0; break;
            }
            seen |= bit;
        }
        return this;
    }

    private String get(Attributes a, String lowerName) {
        return lowerCaseNames ? a.get(lowerName) : a.getIgnoreCase(lowerName);
    }

    /** As {@link Element#className()}. */
    String className() {
        return cls.trim();
    }

    /** -25 for a boilerplate-like class, +25 for a content-like one, and the same again for the id. */
    static int classWeight(Element e) {
        String cls = e.className();
        String id = e.id();
        return weight(ContentCleaner.hintWords(Keywords.lower(cls))) + weight(ContentCleaner.hintWords(Keywords.lower(id)));
    }

    /**
     * The weight of one class or id by its {@link ContentCleaner#hintWords hint words}: -25 when boilerplate-like,
     * +25 when content-like, or both.
     */
    static int weight(int hintWords) {
        return ((hintWords & ContentCleaner.NEGATIVE) != 0 ? -25 : 0) + ((hintWords & ContentCleaner.POSITIVE) != 0 ? 25 : 0);
    }
}
