package dev.newsbatch.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the main content of a page by scoring its DOM, without changing it.
 *
 * <p>Paragraph-like blocks (p, pre, td, section, h2-h6, divs holding only inline content, and runs of inline
 * content inside divs) of at least 25 characters earn points for their length and commas; each passes its
 * points to its ancestors (fully to the parent, halved to the grandparent, then a third per level), which
 * start from a bonus or malus for their tag and for content-like or boilerplate-like class names and ids.
 * Scores are scaled by the share of text that is not link text. The best element, widened to an ancestor
 * when several strong candidates share it, is joined by siblings that score well or read like paragraphs.
 * Boilerplate inside it (unlikely classes and roles, share blocks, footers, asides, link lists, forms) is
 * dropped. When the result is shorter than a threshold, the search runs again with fewer filters.
 */
final class ContentFinder {
    static final int STRIP_UNLIKELY = 1;
    static final int WEIGHT_CLASSES = 2;
    static final int CLEAN_CONDITIONALLY = 4;

    private static final int CI = Pattern.CASE_INSENSITIVE;
    static final Keywords UNLIKELY = Keywords.of("-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap"
            + "|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper"
            + "|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote");
    static final Keywords MAYBE = Keywords.of("and|article|body|column|content|main|mathjax|shadow");
    static final Keywords POSITIVE = Keywords.of("article|body|content|entry|hentry|h-entry|main|page|pagination"
            + "|post|text|blog|story");
    static final Keywords NEGATIVE = Keywords.of("-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-"
            + "|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar"
            + "|skyscraper|sponsor|shopping|tags|widget");
    static final Keywords BYLINE = Keywords.of("byline|author|dateline|writtenby|p-author");
    static final Pattern SHARE = Pattern.compile("(\\b|_)(share|sharedaddy)(\\b|_)", CI);
    static final Pattern VIDEOS = Pattern.compile("//(www\\.)?((dailymotion|youtube|youtube-nocookie|player\\.vimeo"
            + "|v\\.qq)\\.com|(archive|upload\\.wikimedia)\\.org|player\\.twitch\\.tv)", CI);
    static final Pattern AD_WORDS = Pattern.compile("^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$",
            CI | Pattern.UNICODE_CASE);
    static final Pattern LOADING_WORDS = Pattern.compile("^((loading|正在加载|Загрузка|chargement|cargando)(…|\\.\\.\\.)?)$",
            CI | Pattern.UNICODE_CASE);
    static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");
    static final Set<String> UNLIKELY_ROLES = Set.of("menu", "menubar", "complementary", "navigation", "alert",
            "alertdialog", "dialog");
    /** Tags whose presence makes a div a container rather than a paragraph. */
    static final Set<String> BLOCKS = Set.of("blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul");
    static final Set<String> PHRASING = Set.of("abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data",
            "datalist", "dfn", "em", "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript",
            "object", "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong", "sub",
            "sup", "textarea", "time", "var", "wbr", "a", "del", "ins", "font", "u", "s", "strike", "tt", "big");
    static final Set<String> SCORED = Set.of("section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre");
    static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    static final Set<String> TEXTISH = Set.of("span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre",
            "table", "ul");
    /** Removed from the content whatever their score. */
    static final Set<String> ALWAYS_DROPPED = Set.of("footer", "aside", "nav", "object", "embed", "link", "iframe",
            "input", "textarea", "select", "button", "dialog", "menu", "label");

    private final Element body;
    private final String title;
    private final int minChars;

    ContentFinder(Element body, String title, int minChars) {
        this.body = body;
        this.title = title;
        this.minChars = minChars;
    }

    /** The content found: the elements to render, in order, and the elements inside them to leave out. */
    record Content(List<Element> parts, Set<Element> dropped, int length, String byline) {}

    Content find() {
        Content best = null;
        for (int flags : new int[] {STRIP_UNLIKELY | WEIGHT_CLASSES | CLEAN_CONDITIONALLY, WEIGHT_CLASSES | CLEAN_CONDITIONALLY,
                CLEAN_CONDITIONALLY, 0}) {
            Content c = new Pass(flags).run();
            if (c.length() >= minChars) {
                return c;
            }
            if (best == null || c.length() > best.length()) {
                best = c;
            }
        }
        return best;
    }

    /** The lower-cased class and id of {@code e}, joined by a space. */
    static String matchString(Element e) {
        String cls = e.className();
        String id = e.id();
        return Keywords.lower(cls.isEmpty() ? id : id.isEmpty() ? cls : cls + " " + id);
    }

    private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");

    /** Scripts, styles and hidden elements: never content, whatever the filters. */
    static boolean isNeverContent(Element e, String tag) {
        switch (tag) {
            case "script": case "style": case "noscript": case "template": case "svg": case "canvas":
                return true;
            default:
                break;
        }
        if (e.attributesSize() == 0) {
            return false;
        }
        if (e.hasAttr("hidden")) {
            return true;
        }
        if ("true".equals(e.attr("aria-hidden")) && !e.className().contains("fallback-image")) {
            return true;
        }
        String style = e.attr("style");
        return !style.isEmpty() && (style.contains("none") || style.contains("hidden"))
                && HIDDEN_STYLE.matcher(style).find();
    }

    /** Same as {@link #isNeverContent(Element, String)} for an element whose attributes {@code h} holds. */
    static boolean isNeverContent(String tag, Hints h) {
        switch (tag) {
            case "script": case "style": case "noscript": case "template": case "svg": case "canvas":
                return true;
            default:
                break;
        }
        if (h.count == 0) {
            return false;
        }
        if (h.hidden) {
            return true;
        }
        if ("true".equals(h.ariaHidden) && !h.className().contains("fallback-image")) {
            return true;
        }
        String style = h.style;
        return !style.isEmpty() && (style.contains("none") || style.contains("hidden"))
                && HIDDEN_STYLE.matcher(style).find();
    }

    /**
     * The attributes that the scoring walk reads, taken in one pass over an element's attributes rather than
     * one search per attribute. Names are compared ignoring case, and the first of duplicates wins, as with
     * {@link Element#attr(String)}.
     */
    static final class Hints {
        int count;
        String cls;
        String id;
        String rel;
        String itemprop;
        String role;
        String style;
        String ariaHidden;
        boolean hidden;

        Hints read(Element e) {
            count = e.attributesSize();
            cls = id = rel = itemprop = role = style = ariaHidden = "";
            hidden = false;
            if (count == 0) {
                return this;
            }
            boolean seenClass = false;
            boolean seenId = false;
            boolean seenRel = false;
            boolean seenItemprop = false;
            boolean seenRole = false;
            boolean seenStyle = false;
            boolean seenAriaHidden = false;
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                String value = a.getValue();
                switch (Keywords.lower(a.getKey())) {
                    case "class":
                        if (!seenClass) {
                            cls = value;
                            seenClass = true;
                        }
                        break;
                    case "id":
                        if (!seenId) {
                            id = value;
                            seenId = true;
                        }
                        break;
                    case "rel":
                        if (!seenRel) {
                            rel = value;
                            seenRel = true;
                        }
                        break;
                    case "itemprop":
                        if (!seenItemprop) {
                            itemprop = value;
                            seenItemprop = true;
                        }
                        break;
                    case "role":
                        if (!seenRole) {
                            role = value;
                            seenRole = true;
                        }
                        break;
                    case "style":
                        if (!seenStyle) {
                            style = value;
                            seenStyle = true;
                        }
                        break;
                    case "aria-hidden":
                        if (!seenAriaHidden) {
                            ariaHidden = value;
                            seenAriaHidden = true;
                        }
                        break;
                    case "hidden":
                        hidden = true;
                        break;
                    default:
                        break;
                }
            }
            return this;
        }

        /** As {@link Element#className()}. */
        String className() {
            return cls.trim();
        }

        /** As {@link ContentFinder#matchString(Element)}. */
        String matchString() {
            String c = className();
            return Keywords.lower(c.isEmpty() ? id : id.isEmpty() ? c : c + " " + id);
        }
    }

    /** Text measures of one subtree, leaving out dropped elements. */
    static final class Stats {
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

        void add(Stats c) {
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

        double linkDensity() {
            return len == 0 ? 0 : linkLen / len;
        }
    }

    /**
     * Adds the length of {@code text} with whitespace runs counted as one character (leading whitespace not
     * counted) and its commas to {@code s}. Printable ASCII, the bulk of most pages, takes a short path.
     */
    static void addText(Stats s, String text) {
        int n = 0;
        boolean space = true;
        int commas = 0;
        for (int i = 0, len = text.length(); i < len; i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < 0x7F) {
                n++;
                space = false;
                if (c == ',') {
                    commas++;
                }
            } else if (c == ' ' || Character.isWhitespace(c) || c == '\u00A0') {
                if (!space) {
                    n++;
                    space = true;
                }
            } else {
                n++;
                space = false;
                if (c == '\u060C' || c == '\uFE50' || c == '\uFE10' || c == '\uFE11' || c == '\u2E41'
                        || c == '\u2E34' || c == '\u2E32' || c == '\uFF0C') {
                    commas++;
                }
            }
        }
        s.len += n;
        s.commas += commas;
    }

    /** One search with a given set of filters. */
    private final class Pass {
        private final int flags;
        /**
         * Measures of elements, leaving out dropped ones: filled by the walk for every element it keeps, and
         * forgotten for the ancestors of each element dropped later (see {@link #measure}).
         */
        private final Map<Element, Stats> measured = new IdentityHashMap<>(1024);
        private final Map<Element, double[]> scores = new IdentityHashMap<>();
        private final Set<Element> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<Element> paragraphs = Collections.newSetFromMap(new IdentityHashMap<>());
        /** The attributes of the element being walked (read before its children are). */
        private final Hints hints = new Hints();
        private String byline;
        private boolean titleHeadingRemoved;

        Pass(int flags) {
            this.flags = flags;
        }

        private boolean has(int flag) {
            return (flags & flag) != 0;
        }

        Content run() {
            walk(body, false, false);
            List<Element> candidates = new ArrayList<>(scores.keySet());
            for (Element c : candidates) {
                scores.get(c)[0] *= 1 - stats(c).linkDensity();
            }
            candidates.sort((a, b) -> Double.compare(scores.get(b)[0], scores.get(a)[0]));
            Element top = candidates.isEmpty() ? null : candidates.get(0);
            List<Element> parts = new ArrayList<>();
            if (top == null || top == body || "html".equals(top.normalName())) {
                parts.add(body);
            } else {
                top = widen(top, candidates);
                parts.addAll(siblings(top));
            }
            clean(parts);
            int len = 0;
            for (Element p : parts) {
                len += measure(p).len;
            }
            return new Content(parts, dropped, len, byline);
        }

        // ---- the scoring walk ----

        /**
         * Measures {@code e}, collects scoring units and drops what this pass filters out; null when {@code e}
         * itself is dropped.
         */
        private Stats walk(Element e, boolean inTable, boolean inCode) {
            String tag = e.normalName();
            if (e != body && (isNeverContent(tag, hints.read(e)) || filteredOut(e, tag, inTable, inCode))) {
                dropped.add(e);
                return null;
            }
            Stats s = new Stats();
            boolean childInTable = inTable || tag.equals("table");
            boolean childInCode = inCode || tag.equals("code");
            boolean isDiv = tag.equals("div");
            Stats run = null;
            for (int i = 0, count = e.childNodeSize(); i < count; i++) {
                Node n = e.childNode(i);
                if (n instanceof TextNode) {
                    String t = ((TextNode) n).getWholeText();
                    if (isDiv) {
                        run = run == null ? new Stats() : run;
                        int len = run.len;
                        int commas = run.commas;
                        addText(run, t);
                        s.len += run.len - len;
                        s.commas += run.commas - commas;
                    } else {
                        addText(s, t);
                    }
                } else if (n instanceof Element) {
                    Element c = (Element) n;
                    Stats cs = walk(c, childInTable, childInCode);
                    String ct = c.normalName();
                    if (isDiv) {
                        if (PHRASING.contains(ct)) {
                            run = run == null ? new Stats() : run;
                            if (cs != null) {
                                run.add(cs);
                            }
                        } else {
                            flushRun(e, run);
                            run = null;
                        }
                    }
                    if (cs == null) {
                        continue;
                    }
                    add(s, c, ct, cs);
                    if (ct.equals("div") && paragraphs.contains(c)) {
                        s.p++;
                    }
                }
            }
            if (isDiv) {
                if (!s.hasBlock) {
                    paragraphs.add(e);
                    score(e, s, false);
                } else {
                    flushRun(e, run);
                }
            } else if (SCORED.contains(tag)) {
                score(e, s, false);
            }
            // the same measures as measure(e) computes, so that cleaning starts from them
            measured.put(e, s);
            return s;
        }

        private void flushRun(Element div, Stats run) {
            if (run != null && run.len > 0) {
                score(div, run, true);
            }
        }

        private void accumulate(Stats s, Element c, String ct, Stats cs) {
            if (!dropped.contains(c)) {
                add(s, c, ct, cs);
            }
        }

        /** Adds the measures of a kept child {@code c} to its parent's {@code s}. */
        private void add(Stats s, Element c, String ct, Stats cs) {
            s.add(cs);
            if (ct.equals("a")) {
                double weight = c.attr("href").startsWith("#") ? 0.3 : 1;
                s.linkLen += cs.len * weight - cs.linkLen;
            }
            if (ct.equals("p")) {
                s.p++;
            } else if (ct.equals("img")) {
                s.img++;
            } else if (ct.equals("li")) {
                s.li++;
            } else if (ct.equals("input")) {
                s.input++;
            } else if (ct.equals("object") || ct.equals("embed") || ct.equals("iframe")) {
                s.embed++;
            }
            if (HEADINGS.contains(ct)) {
                s.headingLen += cs.len;
            }
            if (TEXTISH.contains(ct)) {
                s.textishLen += cs.len;
            }
            if (ct.equals("ul") || ct.equals("ol")) {
                s.listLen += cs.len;
            }
            if (BLOCKS.contains(ct)) {
                s.hasBlock = true;
            }
        }

        private boolean filteredOut(Element e, String tag, boolean inTable, boolean inCode) {
            if (!titleHeadingRemoved && (tag.equals("h1") || tag.equals("h2")) && title != null
                    && Text.similarity(title, e.text()) > 0.75) {
                titleHeadingRemoved = true;
                return true;
            }
            if (hints.count == 0) {
                return false;
            }
            String match = hints.matchString();
            if (byline == null && isByline(e, match)) {
                byline = Text.normalise(e.text());
                return true;
            }
            if (has(STRIP_UNLIKELY)) {
                if (!match.isEmpty() && UNLIKELY.in(match) && !MAYBE.in(match)
                        && !inTable && !inCode && !tag.equals("a") && !tag.equals("body")) {
                    return true;
                }
                if (UNLIKELY_ROLES.contains(hints.role)) {
                    return true;
                }
            }
            return false;
        }

        private boolean isByline(Element e, String match) {
            boolean looks = "author".equals(hints.rel) || hints.itemprop.contains("author")
                    || (!match.isEmpty() && BYLINE.in(match));
            if (!looks) {
                return false;
            }
            String text = e.text().strip();
            return !text.isEmpty() && text.length() < 100;
        }

        private Stats stats(Element e) {
            Stats s = measured.get(e);
            return s == null ? new Stats() : s;
        }

        // ---- scores ----

        /** Scores a unit into its ancestors; an inline run inside a div counts as a child of that div. */
        private void score(Element unit, Stats text, boolean isRun) {
            if (text.len < 25) {
                return;
            }
            double points = 1 + text.commas + Math.min(Math.floor(text.len / 100.0), 3);
            Element a = isRun ? unit : unit.parent();
            for (int level = 0; a != null && level < 5; level++, a = a.parent()) {
                if (a.parent() == null && !"html".equals(a.normalName())) {
                    break;
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scoreOf(a)[0] += points / divider;
            }
        }

        private double[] scoreOf(Element e) {
            double[] s = scores.get(e);
            if (s == null) {
                s = new double[] {initialScore(e)};
                scores.put(e, s);
            }
            return s;
        }

        private double initialScore(Element e) {
            double s;
            switch (e.normalName()) {
                case "div": s = 5; break;
                case "pre": case "td": case "blockquote": s = 3; break;
                case "address": case "ol": case "ul": case "dl": case "dd": case "dt": case "li": case "form": s = -3; break;
                case "h1": case "h2": case "h3": case "h4": case "h5": case "h6": case "th": s = -5; break;
                default: s = 0;
            }
            return s + classWeight(e);
        }

        private int classWeight(Element e) {
            if (!has(WEIGHT_CLASSES)) {
                return 0;
            }
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

        private double score(Element e) {
            double[] s = scores.get(e);
            return s == null ? 0 : s[0];
        }

        // ---- choosing the content ----

        private Element widen(Element top, List<Element> ranked) {
            double topScore = score(top);
            List<List<Element>> alternatives = new ArrayList<>();
            for (int i = 1; i < Math.min(5, ranked.size()); i++) {
                Element c = ranked.get(i);
                if (score(c) / topScore >= 0.75) {
                    alternatives.add(c.parents());
                }
            }
            if (alternatives.size() >= 3) {
                Element parent = top.parent();
                while (parent != null && parent != body && !"html".equals(parent.normalName())) {
                    int containing = 0;
                    for (List<Element> anc : alternatives) {
                        if (anc.contains(parent)) {
                            containing++;
                        }
                    }
                    if (containing >= 3) {
                        top = parent;
                        break;
                    }
                    parent = parent.parent();
                }
            }
            scoreOf(top);
            Element parent = top.parent();
            double last = score(top);
            double threshold = last / 3;
            while (parent != null && parent != body && !"html".equals(parent.normalName())) {
                if (!scores.containsKey(parent)) {
                    parent = parent.parent();
                    continue;
                }
                double ps = score(parent);
                if (ps < threshold) {
                    break;
                }
                if (ps > last) {
                    top = parent;
                    break;
                }
                last = ps;
                parent = parent.parent();
            }
            parent = top.parent();
            while (parent != null && parent != body && parent.childrenSize() == 1) {
                top = parent;
                parent = top.parent();
            }
            scoreOf(top);
            return top;
        }

        private List<Element> siblings(Element top) {
            Element parent = top.parent();
            if (parent == null) {
                return List.of(top);
            }
            double topScore = score(top);
            double threshold = Math.max(10, topScore * 0.2);
            String topClass = top.className();
            List<Element> parts = new ArrayList<>();
            for (Element sib : parent.children()) {
                if (sib == top) {
                    parts.add(sib);
                    continue;
                }
                if (dropped.contains(sib)) {
                    continue;
                }
                double bonus = !topClass.isEmpty() && topClass.equals(sib.className()) ? topScore * 0.2 : 0;
                if (scores.containsKey(sib) && score(sib) + bonus >= threshold) {
                    parts.add(sib);
                } else if (sib.normalName().equals("p") || paragraphs.contains(sib)) {
                    Stats s = stats(sib);
                    double ld = s.linkDensity();
                    if (s.len > 80 && ld < 0.25) {
                        parts.add(sib);
                    } else if (s.len < 80 && s.len > 0 && ld == 0 && SENTENCE_END.matcher(sib.text()).find()) {
                        parts.add(sib);
                    }
                }
            }
            return parts;
        }

        // ---- cleaning ----

        private void clean(List<Element> parts) {
            for (Element part : parts) {
                Map<String, List<Element>> byTag = new java.util.HashMap<>();
                Set<Element> dataTables = Collections.newSetFromMap(new IdentityHashMap<>());
                List<Element> other = new ArrayList<>();
                List<Element> all = new ArrayList<>();
                elementsOf(part, all);
                for (Element e : all) {
                    String tag = e.normalName();
                    switch (tag) {
                        case "table":
                            if (isDataTable(e)) {
                                dataTables.add(e);
                            }
                            byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(e);
                            break;
                        case "form": case "fieldset": case "ul": case "div":
                            byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(e);
                            break;
                        default:
                            break;
                    }
                    if (e != part) {
                        other.add(e);
                    }
                }
                holdsDataTable.clear();
                for (Element t : dataTables) {
                    for (Element a = t.parent(); a != null && holdsDataTable.add(a); a = a.parent()) {
                        // marks every ancestor once
                    }
                }
                cleanConditionally(part, byTag.get("form"), "form", dataTables);
                cleanConditionally(part, byTag.get("fieldset"), "fieldset", dataTables);
                for (Element e : other) {
                    String tag = e.normalName();
                    if (ALWAYS_DROPPED.contains(tag)) {
                        drop(e);
                    } else if (e.attributesSize() > 0 && mentionsShare(e) && measure(e).len < 500) {
                        drop(e);
                    } else if (has(WEIGHT_CLASSES) && (tag.equals("h1") || tag.equals("h2")) && classWeight(e) < 0) {
                        drop(e);
                    }
                }
                cleanConditionally(part, byTag.get("table"), "table", dataTables);
                cleanConditionally(part, byTag.get("ul"), "ul", dataTables);
                cleanConditionally(part, byTag.get("div"), "div", dataTables);
            }
        }

        private final Set<Element> holdsDataTable = Collections.newSetFromMap(new IdentityHashMap<>());

        private boolean mentionsShare(Element e) {
            String match = matchString(e);
            return match.contains("share") && SHARE.matcher(match).find();
        }

        /** {@code e} and its descendants in document order, leaving out dropped subtrees. */
        private void elementsOf(Element e, List<Element> out) {
            if (dropped.contains(e)) {
                return;
            }
            out.add(e);
            for (int i = 0, n = e.childNodeSize(); i < n; i++) {
                Node c = e.childNode(i);
                if (c instanceof Element) {
                    elementsOf((Element) c, out);
                }
            }
        }

        private void cleanConditionally(Element part, List<Element> found, String tag, Set<Element> dataTables) {
            if (!has(CLEAN_CONDITIONALLY) || found == null) {
                return;
            }
            for (int i = found.size() - 1; i >= 0; i--) {
                Element e = found.get(i);
                if (e == part || isDropped(e)) {
                    continue;
                }
                if (tag.equals("div") && paragraphs.contains(e)) {
                    Stats s = measure(e);
                    if (has(WEIGHT_CLASSES) && s.linkDensity() > 0.5) {
                        drop(e);
                    }
                    continue;
                }
                if (shouldRemove(e, tag, dataTables)) {
                    drop(e);
                }
            }
        }

        private boolean isDropped(Element e) {
            for (Element a = e; a != null; a = a.parent()) {
                if (dropped.contains(a)) {
                    return true;
                }
            }
            return false;
        }

        private boolean shouldRemove(Element e, String tag, Set<Element> dataTables) {
            if (tag.equals("table") && dataTables.contains(e)) {
                return false;
            }
            for (Element a = e.parent(); a != null; a = a.parent()) {
                if (dataTables.contains(a) || a.normalName().equals("code")) {
                    return false;
                }
            }
            if (holdsDataTable.contains(e)) {
                return false;
            }
            Stats s = measure(e);
            boolean isList = tag.equals("ul") || tag.equals("ol") || (s.len > 0 && (double) s.listLen / s.len > 0.9);
            int weight = classWeight(e);
            if (weight < 0) {
                return true;
            }
            if (s.commas >= 10) {
                return false;
            }
            int embeds = 0;
            if (s.embed > 0) {
                List<Element> all = new ArrayList<>();
                elementsOf(e, all);
                for (Element em : all) {
                    String t = em.normalName();
                    if ((t.equals("object") || t.equals("embed") || t.equals("iframe")) && !isDropped(em)) {
                        if (VIDEOS.matcher(em.attributes().html()).find()) {
                            return false;
                        }
                        embeds++;
                    }
                }
            }
            if (s.len <= 20 && visibleChars(e, 16) <= 16) {
                String text = Text.normalise(e.text());
                if (AD_WORDS.matcher(text).matches() || LOADING_WORDS.matcher(text).matches()) {
                    return true;
                }
            }
            int li = s.li - 100;
            double headingDensity = s.len == 0 ? 0 : (double) s.headingLen / s.len;
            double textDensity = s.len == 0 ? 0 : (double) s.textishLen / s.len;
            double ld = s.linkDensity();
            boolean inFigure = false;
            for (Element a = e.parent(); a != null; a = a.parent()) {
                if (a.normalName().equals("figure")) {
                    inFigure = true;
                    break;
                }
            }
            boolean remove = (!inFigure && s.img > 1 && (double) s.p / s.img < 0.5)
                    || (!isList && li > s.p)
                    || (s.input > Math.floor(s.p / 3.0))
                    || (!isList && !inFigure && headingDensity < 0.9 && s.len < 25 && (s.img == 0 || s.img > 2) && ld > 0)
                    || (!isList && weight < 25 && ld > 0.2)
                    || (weight >= 25 && ld > 0.5)
                    || (embeds == 1 && s.len < 75) || embeds > 1
                    || (s.img == 0 && textDensity == 0 && s.len > 0);
            if (isList && remove) {
                for (Element c : e.children()) {
                    if (c.childrenSize() > 1) {
                        return true;
                    }
                }
                if (s.img == s.li) {
                    return false;
                }
            }
            return remove;
        }

        private boolean isDataTable(Element t) {
            if ("presentation".equals(t.attr("role"))) {
                return false;
            }
            if ("0".equals(t.attr("datatable"))) {
                return false;
            }
            if (t.hasAttr("summary")) {
                return true;
            }
            for (Element c : t.children()) {
                if (c.normalName().equals("caption")) {
                    if (c.childNodeSize() > 0) {
                        return true;
                    }
                    break;
                }
            }
            TableParts tp = new TableParts();
            tp.collect(t);
            if (tp.hasHeaderParts) {
                return true;
            }
            if (tp.nestedTables) {
                return false;
            }
            int rows = 0;
            int columns = 0;
            for (Element tr : tp.rows) {
                rows += Math.max(1, parseInt(tr.attr("rowspan")));
                int cols = 0;
                for (Element td : tr.children()) {
                    cols += Math.max(1, parseInt(td.attr("colspan")));
                }
                columns = Math.max(columns, cols);
            }
            if (rows == 1 || columns == 1) {
                return false;
            }
            if (rows >= 10 || columns > 4) {
                return true;
            }
            return rows * columns > 10;
        }

        /**
         * The non-whitespace characters of {@code e}'s text (as {@link Element#text()} has it, dropped parts
         * included), counting no further than {@code limit + 1}. The ad and loading words are at most 16 such
         * characters long, so longer texts need not be built.
         */
        private int visibleChars(Element e, int limit) {
            int count = 0;
            for (int i = 0, n = e.childNodeSize(); i < n && count <= limit; i++) {
                Node node = e.childNode(i);
                if (node instanceof TextNode) {
                    String t = ((TextNode) node).getWholeText();
                    for (int j = 0; j < t.length() && count <= limit; j++) {
                        char c = t.charAt(j);
                        if (!Character.isWhitespace(c) && c != '\u00A0') {
                            count++;
                        }
                    }
                } else if (node instanceof Element) {
                    count += visibleChars((Element) node, limit - count);
                }
            }
            return count;
        }

        /** The rows of a table and whether it has header parts or nested tables, in one walk. */
        private static final class TableParts {
            final List<Element> rows = new ArrayList<>();
            boolean hasHeaderParts;
            boolean nestedTables;

            void collect(Element e) {
                for (int i = 0, n = e.childNodeSize(); i < n; i++) {
                    Node node = e.childNode(i);
                    if (node instanceof Element) {
                        Element c = (Element) node;
                        switch (c.normalName()) {
                            case "col": case "colgroup": case "tfoot": case "thead": case "th":
                                hasHeaderParts = true;
                                break;
                            case "table":
                                nestedTables = true;
                                break;
                            case "tr":
                                rows.add(c);
                                break;
                            default:
                                break;
                        }
                        collect(c);
                    }
                }
            }
        }

        /** The integer {@code s} states, or 0; most cells have no span, so the empty string is answered first. */
        private int parseInt(String s) {
            if (s.isEmpty()) {
                return 0;
            }
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** Drops {@code e} and forgets the measures of its ancestors, which it changes. */
        private void drop(Element e) {
            if (dropped.add(e)) {
                for (Element a = e.parent(); a != null; a = a.parent()) {
                    measured.remove(a);
                }
            }
        }

        /**
         * Stats of {@code e} leaving out dropped elements: the walk's measures until a descendant is dropped, then
         * computed again from the children's (mostly still known) measures.
         */
        Stats measure(Element e) {
            Stats memo = measured.get(e);
            if (memo != null) {
                return memo;
            }
            Stats s = new Stats();
            for (int i = 0, count = e.childNodeSize(); i < count; i++) {
                Node n = e.childNode(i);
                if (n instanceof TextNode) {
                    addText(s, ((TextNode) n).getWholeText());
                } else if (n instanceof Element) {
                    Element c = (Element) n;
                    if (dropped.contains(c)) {
                        continue;
                    }
                    Stats cs = measure(c);
                    accumulate(s, c, c.normalName(), cs);
                    if (paragraphs.contains(c)) {
                        s.p++;
                    }
                }
            }
            measured.put(e, s);
            return s;
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
