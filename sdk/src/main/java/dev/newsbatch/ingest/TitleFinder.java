package dev.newsbatch.ingest;

import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The headline of a page: the page's own metadata (JSON-LD headline, {@code og:title} and similar) when it has
 * any, else its {@code <title>} with the site name cut off, else its only {@code <h1>}.
 *
 * <p>Cutting the site name: a part equal to the page's stated site name ({@code og:site_name}) is cut first;
 * otherwise, when the title has a separator ({@code | - \ / > »} between spaces), the last part
 * is cut, or the first part when what is left would be under three words. A title without separators but with
 * {@code ": "} keeps what follows the colon unless a heading repeats the whole title. A title shorter than 15
 * or longer than 150 characters gives way to the page's single {@code <h1>}. When the cut leaves four words or
 * fewer, the whole title is kept.
 */
final class TitleFinder {
    private static final Pattern SEPARATOR = Pattern.compile(" [|\\-–—\\\\/>»] ");
    private static final Pattern HIERARCHICAL = Pattern.compile(" [\\\\/>»] ");
    private static final Pattern BEFORE_LAST_SEPARATOR = Pattern.compile("(.*)[|\\-–—\\\\/>»] .*");
    private static final Pattern AFTER_FIRST_SEPARATOR = Pattern.compile("^[^|\\-–—\\\\/>»]*[|\\-–—\\\\/>»](.*)");
    private static final Pattern SEPARATORS = Pattern.compile("[|\\-–—\\\\/>»]+");

    private TitleFinder() {}

    static String find(Document doc, PageMetadata meta) {
        if (meta.title() != null && !meta.title().isBlank()) {
            return meta.title();
        }
        return fromDocument(doc, meta.siteName());
    }

    static String fromDocument(Document doc, String siteName) {
        Element titleTag = firstTitle(doc);
        String orig = titleTag == null ? "" : Text.normalise(titleTag.text());
        String withoutSite = withoutSiteName(orig, siteName);
        if (withoutSite != null) {
            return withoutSite;
        }
        String cur = orig;
        boolean hierarchical = false;
        if (SEPARATOR.matcher(cur).find()) {
            hierarchical = HIERARCHICAL.matcher(cur).find();
            cur = BEFORE_LAST_SEPARATOR.matcher(orig).replaceAll("$1");
            if (Text.wordCount(cur) < 3) {
                cur = AFTER_FIRST_SEPARATOR.matcher(orig).replaceAll("$1");
            }
        } else if (cur.contains(": ")) {
            if (!headingRepeats(doc, cur)) {
                cur = orig.substring(orig.lastIndexOf(':') + 1);
                if (Text.wordCount(cur) < 3) {
                    cur = orig.substring(orig.indexOf(':') + 1);
                } else if (Text.wordCount(orig.substring(0, orig.indexOf(':'))) > 5) {
                    cur = orig;
                }
            }
        } else if (cur.length() > 150 || cur.length() < 15) {
            var h1s = doc.getElementsByTag("h1");
            if (h1s.size() == 1) {
                cur = Text.normalise(h1s.get(0).text());
            }
        }
        cur = Text.normalise(cur);
        int words = Text.wordCount(cur);
        if (words <= 4 && (!hierarchical || words != Text.wordCount(SEPARATORS.matcher(orig).replaceAll("")) - 1)) {
            cur = orig;
        }
        return cur;
    }

    /** True when an {@code <h1>} or {@code <h2>} under {@code e} has the text {@code title} (whitespace folded). */
    private static boolean headingRepeats(Element e, String title) {
        for (int i = 0, n = e.childNodeSize(); i < n; i++) {
            if (e.childNode(i) instanceof Element) {
                Element c = (Element) e.childNode(i);
                String tag = c.normalName();
                if ((tag.equals("h1") || tag.equals("h2")) && Text.normalise(c.text()).equals(title)) {
                    return true;
                }
                if (c.childNodeSize() > 0 && headingRepeats(c, title)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first {@code <title>} element in document order (as {@code selectFirst("title")}), or null. */
    private static Element firstTitle(Element e) {
        for (int i = 0, n = e.childNodeSize(); i < n; i++) {
            if (e.childNode(i) instanceof Element) {
                Element c = (Element) e.childNode(i);
                if (c.normalName().equals("title")) {
                    return c;
                }
                Element found = c.childNodeSize() > 0 ? firstTitle(c) : null;
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The title without a leading or trailing site name set off by a separator, or null if it has none. */
    static String withoutSiteName(String title, String siteName) {
        if (siteName == null || siteName.isBlank()) {
            return null;
        }
        String site = Text.normalise(siteName).toLowerCase(java.util.Locale.ROOT);
        String lower = title.toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher m = SEPARATOR.matcher(title);
        while (m.find()) {
            String before = title.substring(0, m.start()).strip();
            String after = title.substring(m.end()).strip();
            if (lower.substring(m.end()).strip().equals(site) && !before.isEmpty()) {
                return before;
            }
            if (lower.substring(0, m.start()).strip().equals(site) && !after.isEmpty()) {
                return after;
            }
        }
        return null;
    }
}
