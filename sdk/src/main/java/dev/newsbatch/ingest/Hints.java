package dev.newsbatch.ingest;

import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;

/**
 * The attributes that hint at an element's role. An instance holds those the {@link PageTree} reads, looked up
 * until every attribute of the element is accounted for; names are compared ignoring case, and the first of
 * duplicates wins, as with {@link Element#attr(String)}. {@link #classWeight(Element)} rates a class
 * and id as content-like or boilerplate-like.
 */
final class Hints {
    private static final Keywords POSITIVE = Keywords.of("article|body|content|entry|hentry|h-entry|main|page|pagination"
            + "|post|text|blog|story");
    private static final Keywords NEGATIVE = Keywords.of("-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-"
            + "|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar"
            + "|skyscraper|sponsor|shopping|tags|widget");

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

    Hints read(Element e) {
        count = e.attributesSize();
        if (count == 0) {
            cls = id = rel = itemprop = role = style = ariaHidden = href = "";
            hidden = false;
            return this;
        }
        // a look-up per name is cheaper than iterating (which makes an Attribute of each); once as many names were
        // found as the element has attributes, the others are absent
        Attributes a = e.attributes();
        int left = count;
        cls = a.getIgnoreCase("class");
        left -= cls.isEmpty() ? 0 : 1;
        id = a.getIgnoreCase("id");
        left -= id.isEmpty() ? 0 : 1;
        href = left > 0 ? a.getIgnoreCase("href") : "";
        left -= href.isEmpty() ? 0 : 1;
        style = left > 0 ? a.getIgnoreCase("style") : "";
        left -= style.isEmpty() ? 0 : 1;
        role = left > 0 ? a.getIgnoreCase("role") : "";
        left -= role.isEmpty() ? 0 : 1;
        rel = left > 0 ? a.getIgnoreCase("rel") : "";
        left -= rel.isEmpty() ? 0 : 1;
        itemprop = left > 0 ? a.getIgnoreCase("itemprop") : "";
        left -= itemprop.isEmpty() ? 0 : 1;
        ariaHidden = left > 0 ? a.getIgnoreCase("aria-hidden") : "";
        left -= ariaHidden.isEmpty() ? 0 : 1;
        hidden = left > 0 && a.hasKeyIgnoreCase("hidden");
        return this;
    }

    /** As {@link Element#className()}. */
    String className() {
        return cls.trim();
    }

    /** As {@link #matchString(Element)}. */
    String matchString() {
        String c = className();
        return Keywords.lower(c.isEmpty() ? id : id.isEmpty() ? c : c + " " + id);
    }

    /** The lower-cased class and id of {@code e}, joined by a space. */
    static String matchString(Element e) {
        String cls = e.className();
        String id = e.id();
        return Keywords.lower(cls.isEmpty() ? id : id.isEmpty() ? cls : cls + " " + id);
    }

    /** -25 for a boilerplate-like class, +25 for a content-like one, and the same again for the id. */
    static int classWeight(Element e) {
        int w = 0;
        String cls = e.className();
        if (!cls.isEmpty()) {
            cls = Keywords.lower(cls);
            if (NEGATIVE.in(cls)) {
                w -= 25;
            }
            if (POSITIVE.in(cls)) {
                w += 25;
            }
        }
        String id = e.id();
        if (!id.isEmpty()) {
            id = Keywords.lower(id);
            if (NEGATIVE.in(id)) {
                w -= 25;
            }
            if (POSITIVE.in(id)) {
                w += 25;
            }
        }
        return w;
    }
}
