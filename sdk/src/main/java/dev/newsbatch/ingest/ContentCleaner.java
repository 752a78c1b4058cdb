package dev.newsbatch.ingest;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Decides what the content leaves out, by marking elements dropped in the {@link PageMeasures}; the DOM is not
 * changed. While scoring: scripts, styles and hidden elements, the first heading that repeats the title, the
 * first byline (kept as {@link #byline()}), and, when unlikely candidates are stripped, elements whose class, id
 * or role reads like navigation, comments, sidebars or other boilerplate (these hints are read once per page,
 * into the {@link PageTree}, by {@link #hintFlags}). After selection, inside the chosen
 * parts: footer, aside, nav, embeds and form controls, share blocks, h1/h2 with a negative class weight, and,
 * when cleaning conditionally, forms, tables (except data tables), lists and divs whose measures look like link
 * lists, image galleries, ads or widgets.
 */
final class ContentCleaner {
    private static final int CI = Pattern.CASE_INSENSITIVE;
    private static final String UNLIKELY_WORDS = "-ad-|ai2html|banner|breadcrumbs|combx|comment|community"
            + "|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar"
            + "|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote";
    /**
     * Byline words (bit 1), boilerplate words (unlikely candidates, bit 2), words that save a candidate from
     * being unlikely (bit 4), "share" (bit 8), and the class weight's boilerplate ({@link #NEGATIVE}) and content
     * ({@link #POSITIVE}) words, tested in one scan of a class or of an id.
     */
    private static final Keywords HINTS = Keywords.of("byline|author|dateline|writtenby|p-author", UNLIKELY_WORDS,
            "and|article|body|column|content|main|mathjax|shadow", "share", Hints.NEGATIVE_WORDS, Hints.POSITIVE_WORDS);
    /** The {@link #hintWords} bit of {@link Hints#NEGATIVE_WORDS}. */
    static final int NEGATIVE = 16;
    /** The {@link #hintWords} bit of {@link Hints#POSITIVE_WORDS}. */
    static final int POSITIVE = 32;
    private static final Set<String> UNLIKELY_ROLES = Set.of("menu", "menubar", "complementary", "navigation", "alert",
            "alertdialog", "dialog");
    private static final Pattern TRAILING_DATE = Pattern.compile("(.+?)\\s+[-–—|·•]\\s+(?:(?:jan|feb|mar|apr|may"
            + "|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d|\\d{1,4}[-/.]\\d).*", CI);
    private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");
    private static final Pattern SHARE = Pattern.compile("(\\b|_)(share|sharedaddy)(\\b|_)", CI);
    private static final Pattern VIDEOS = Pattern.compile("//(www\\.)?((dailymotion|youtube|youtube-nocookie"
            + "|player\\.vimeo|v\\.qq)\\.com|(archive|upload\\.wikimedia)\\.org|player\\.twitch\\.tv)", CI);
    private static final Pattern AD_WORDS = Pattern.compile(
            "^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$", CI | Pattern.UNICODE_CASE);
    private static final Pattern LOADING_WORDS = Pattern.compile(
            "^((loading|正在加载|Загрузка|chargement|cargando)(…|\\.\\.\\.)?)$", CI | Pattern.UNICODE_CASE);
    /** Removed from the content whatever their score. */
    private static final Set<String> ALWAYS_DROPPED = Set.of("footer", "aside", "nav", "object", "embed", "link",
            "iframe", "input", "textarea", "select", "button", "dialog", "menu", "label");

    private final PageTree tree;
    private final PageMeasures page;
    private final ContentFilters filters;
    private final TitleHeadings title;
    private String byline;
    /** The effects of the filters so far: see {@link #stripped()}, {@link #weighted()}, {@link #cleanedConditionally()}. */
    private boolean stripped;
    private boolean weighted;
    private boolean cleanedConditionally;
    private boolean titleHeadingRemoved;
    /** Data tables and their ancestors in the part being cleaned, by node number; null until a part has one. */
    private boolean[] dataTables;
    private boolean[] holdsDataTable;

    ContentCleaner(PageMeasures page, ContentFilters filters, TitleHeadings title) {
        this.tree = page.tree();
        this.page = page;
        this.filters = filters;
        this.title = title;
    }

    /** Scripts, styles and hidden elements: never content, whatever the filters; {@code h} holds the attributes. */
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

    /** The hint word lists (one bit each, see {@link #HINTS}) that lower-cased {@code lower} has words of. */
    static int hintWords(String lower) {
        return lower.isEmpty() ? 0 : HINTS.matches(lower);
    }

    /**
     * The {@link PageTree} flags of an element with tag {@code tag} and attributes {@code h}: {@link
     * PageTree#BYLINE_HINT}, {@link PageTree#UNLIKELY}, {@link PageTree#UNLIKELY_ROLE}, {@link PageTree#SHARE};
     * {@code lowerClass} and {@code lowerId} are its class and id lower-cased, {@code words} their {@link
     * #hintWords} together (no word spans the space that would join them).
     */
    static int hintFlags(String tag, Hints h, String lowerClass, String lowerId, int words) {
        int f = 0;
        if ((words & 1) != 0 || "author".equals(h.rel) || h.itemprop.contains("author")) {
            f |= PageTree.BYLINE_HINT;
        }
        if ((words & 6) == 2 && !tag.equals("a") && !tag.equals("body")) {
            f |= PageTree.UNLIKELY;
        }
        if (!h.role.isEmpty() && UNLIKELY_ROLES.contains(h.role)) {
            f |= PageTree.UNLIKELY_ROLE;
        }
        if ((words & 8) != 0 && (SHARE.matcher(lowerClass).find() || SHARE.matcher(lowerId).find())) {
            f |= PageTree.SHARE;
        }
        return f;
    }

    /** True when stripping unlikely candidates left out an element. */
    boolean stripped() {
        return stripped;
    }

    /** True when a class weight the cleaner read was not zero, or a rule that needs class weights dropped an element. */
    boolean weighted() {
        return weighted;
    }

    /** True when conditional cleaning dropped an element. */
    boolean cleanedConditionally() {
        return cleanedConditionally;
    }

    /** The byline found while scoring, or null. */
    String byline() {
        return byline;
    }

    // ---- while scoring ----

    /**
     * True when the scoring walk is to drop element {@code e} (tag {@code tag}) with its subtree; {@code inTable}
     * and {@code inCode} say whether it is inside a table or code element.
     */
    boolean leavesOut(int e, String tag, boolean inTable, boolean inCode) {
        return tree.has(e, PageTree.NEVER_CONTENT) || filteredOut(e, tag, inTable, inCode);
    }

    private boolean filteredOut(int e, String tag, boolean inTable, boolean inCode) {
        if (!titleHeadingRemoved && (tag.equals("h1") || tag.equals("h2")) && title.repeatsTitle(e)) {
            titleHeadingRemoved = true;
            return true;
        }
        if (!tree.has(e, PageTree.HAS_ATTRIBUTES)) {
            return false;
        }
        if (byline == null && tree.has(e, PageTree.BYLINE_HINT)) {
            String text = tree.text(e).strip();
            if (!text.isEmpty() && text.length() < 100) {
                byline = withoutTrailingDate(Text.normalise(tree.text(e)));
                return true;
            }
        }
        if (filters.stripUnlikely()) {
            if (tree.has(e, PageTree.UNLIKELY) && !inTable && !inCode) {
                stripped = true;
                return true;
            }
            if (tree.has(e, PageTree.UNLIKELY_ROLE)) {
                stripped = true;
                return true;
            }
        }
        return false;
    }

    /**
     * {@code byline} without a date that follows the name after a dash, bar or middle dot ("Jane Doe - Apr 16,
     * 2015 8:02 pm"): a month name or a numeric date right after the separator.
     */
    static String withoutTrailingDate(String byline) {
        java.util.regex.Matcher m = TRAILING_DATE.matcher(byline);
        return m.matches() && !m.group(1).isBlank() ? m.group(1).strip() : byline;
    }

    // ---- after selection ----

    /** Drops the boilerplate inside each of {@code parts}. */
    void clean(int[] parts) {
        IntList all = new IntList();
        IntList tables = new IntList();
        IntList forms = new IntList();
        IntList fieldsets = new IntList();
        IntList lists = new IntList();
        IntList divs = new IntList();
        for (int part : parts) {
            all.clear();
            tables.clear();
            forms.clear();
            fieldsets.clear();
            lists.clear();
            divs.clear();
            if (dataTables != null) {
                java.util.Arrays.fill(dataTables, false);
                java.util.Arrays.fill(holdsDataTable, false);
            }
            page.elementsOf(part, all);
            for (int k = 0; k < all.size(); k++) {
                int e = all.get(k);
                switch (tree.tag(e)) {
                    case "table":
                        if (DataTables.isDataTable(tree.element(e))) {
                            markDataTable(e);
                        }
                        tables.add(e);
                        break;
                    case "form": forms.add(e); break;
                    case "fieldset": fieldsets.add(e); break;
                    case "ul": lists.add(e); break;
                    case "div": divs.add(e); break;
                    default: break;
                }
            }
            cleanConditionally(part, forms, "form");
            cleanConditionally(part, fieldsets, "fieldset");
            for (int k = 0; k < all.size(); k++) {
                int e = all.get(k);
                if (e == part) {
                    continue;
                }
                String tag = tree.tag(e);
                if (ALWAYS_DROPPED.contains(tag)) {
                    page.drop(e);
                } else if (tree.has(e, PageTree.SHARE) && page.measure(e).len < 500) {
                    page.drop(e);
                } else if (filters.weightClasses() && (tag.equals("h1") || tag.equals("h2")) && classWeight(e) < 0) {
                    page.drop(e);
                }
            }
            cleanConditionally(part, tables, "table");
            cleanConditionally(part, lists, "ul");
            cleanConditionally(part, divs, "div");
        }
    }

    private void markDataTable(int t) {
        if (dataTables == null) {
            dataTables = new boolean[tree.size()];
            holdsDataTable = new boolean[tree.size()];
        }
        dataTables[t] = true;
        for (int a = tree.parent(t); a >= 0 && !holdsDataTable[a]; a = tree.parent(a)) {
            holdsDataTable[a] = true;
        }
    }

    private boolean isDataTable(int e) {
        return dataTables != null && dataTables[e];
    }

    private int classWeight(int e) {
        int w = filters.weightClasses() ? tree.classWeight(e) : 0;
        weighted |= w != 0;
        return w;
    }

    private void cleanConditionally(int part, IntList found, String tag) {
        if (!filters.cleanConditionally()) {
            return;
        }
        for (int i = found.size() - 1; i >= 0; i--) {
            int e = found.get(i);
            if (e == part || page.isInDropped(e)) {
                continue;
            }
            if (tag.equals("div") && page.isParagraph(e)) {
                TextStats s = page.measure(e);
                if (filters.weightClasses() && s.linkDensity() > 0.5) {
                    weighted = true;
                    cleanedConditionally = true;
                    page.drop(e);
                }
                continue;
            }
            if (shouldRemove(e, tag)) {
                cleanedConditionally = true;
                page.drop(e);
            }
        }
    }

    private boolean shouldRemove(int e, String tag) {
        if (tag.equals("table") && isDataTable(e)) {
            return false;
        }
        boolean inFigure = false;
        for (int a = tree.parent(e); a >= 0; a = tree.parent(a)) {
            if (isDataTable(a) || tree.tag(a).equals("code")) {
                return false;
            }
            inFigure |= tree.tag(a).equals("figure");
        }
        if (holdsDataTable != null && holdsDataTable[e]) {
            return false;
        }
        TextStats s = page.measure(e);
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
            IntList all = new IntList();
            page.elementsOf(e, all);
            for (int k = 0; k < all.size(); k++) {
                int em = all.get(k);
                String t = tree.tag(em);
                if ((t.equals("object") || t.equals("embed") || t.equals("iframe")) && !page.isInDropped(em)) {
                    if (VIDEOS.matcher(tree.element(em).attributes().html()).find()) {
                        return false;
                    }
                    embeds++;
                }
            }
        }
        if (s.len <= 20 && visibleChars(tree.element(e), 16) <= 16) {
            String text = Text.normalise(tree.text(e));
            if (AD_WORDS.matcher(text).matches() || LOADING_WORDS.matcher(text).matches()) {
                return true;
            }
        }
        int li = s.li - 100;
        double headingDensity = s.len == 0 ? 0 : (double) s.headingLen / s.len;
        double textDensity = s.len == 0 ? 0 : (double) s.textishLen / s.len;
        double ld = s.linkDensity();
        boolean remove = (!inFigure && s.img > 1 && (double) s.p / s.img < 0.5)
                || (!isList && li > s.p)
                || (s.input > Math.floor(s.p / 3.0))
                || (!isList && !inFigure && headingDensity < 0.9 && s.len < 25 && (s.img == 0 || s.img > 2) && ld > 0)
                || (!isList && weight < 25 && ld > 0.2)
                || (weight >= 25 && ld > 0.5)
                || (embeds == 1 && s.len < 75) || embeds > 1
                || (s.img == 0 && textDensity == 0 && s.len > 0);
        if (isList && remove) {
            for (int c = e + 1, end = tree.end(e); c < end; c = tree.end(c)) {
                if (!tree.isText(c) && tree.elementChildren(c) > 1) {
                    return true;
                }
            }
            if (s.img == s.li) {
                return false;
            }
        }
        return remove;
    }

    /**
     * The non-whitespace characters of {@code e}'s text (as {@link Element#text()} has it, dropped parts
     * included), counting no further than {@code limit + 1}. The ad and loading words are at most 16 such
     * characters long, so longer texts need not be built.
     */
    private static int visibleChars(Element e, int limit) {
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
}
