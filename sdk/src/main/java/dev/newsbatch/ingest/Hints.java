package dev.newsbatch.ingest;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The attributes that hint at an element's role. An instance holds those the scoring walk reads, taken in one
 * pass over an element's attributes rather than one search per attribute; names are compared ignoring case, and
 * the first of duplicates wins, as with {@link Element#attr(String)}. {@link #classWeight(Element)} rates a class
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
    boolean hidden;
    private boolean seenClass;
    private boolean seenId;
    private boolean seenRel;
    private boolean seenItemprop;
    private boolean seenRole;
    private boolean seenStyle;
    private boolean seenAriaHidden;

    Hints read(Element e) {
        count = e.attributesSize();
        cls = id = rel = itemprop = role = style = ariaHidden = "";
        hidden = false;
        if (count == 0) {
            return this;
        }
        seenClass = seenId = seenRel = seenItemprop = seenRole = seenStyle = seenAriaHidden = false;
        for (Attribute a : e.attributes()) {
            String key = a.getKey();
            // parsed HTML has lower-case names; others are lower-cased only when no name matched as it is
            if (!take(key, a)) {
                String lower = Keywords.lower(key);
                if (lower != key) {
                    take(lower, a);
                }
            }
        }
        return this;
    }

    /** Keeps the value of {@code a} under the hint name {@code key} unless one was seen; false for other names. */
    private boolean take(String key, Attribute a) {
        switch (key) {
            case "class":
                if (!seenClass) {
                    cls = a.getValue();
                    seenClass = true;
                }
                return true;
            case "id":
                if (!seenId) {
                    id = a.getValue();
                    seenId = true;
                }
                return true;
            case "rel":
                if (!seenRel) {
                    rel = a.getValue();
                    seenRel = true;
                }
                return true;
            case "itemprop":
                if (!seenItemprop) {
                    itemprop = a.getValue();
                    seenItemprop = true;
                }
                return true;
            case "role":
                if (!seenRole) {
                    role = a.getValue();
                    seenRole = true;
                }
                return true;
            case "style":
                if (!seenStyle) {
                    style = a.getValue();
                    seenStyle = true;
                }
                return true;
            case "aria-hidden":
                if (!seenAriaHidden) {
                    ariaHidden = a.getValue();
                    seenAriaHidden = true;
                }
                return true;
            case "hidden":
                hidden = true;
                return true;
            default:
                return false;
        }
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
