package dev.newsbatch.ingest;

import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Finds the main content of a page, without changing its DOM, in three phases: {@link ContentScorer} scores
 * candidate elements by their paragraphs' text, commas and link density and by class and id hints;
 * {@link ContentSelector} chooses the best candidate and the siblings that belong with it; {@link ContentCleaner}
 * leaves out hidden elements and boilerplate, both while scoring and inside the chosen elements. When the result
 * is shorter than a threshold, the search runs again with fewer {@link ContentFilters filters}, and the longest
 * result is kept if none reaches it. A search is skipped when each filter it turns off had no effect on the
 * previous one: it would find the same content.
 */
final class ContentFinder {
    private final Element body;
    private final String title;
    private final int minChars;

    ContentFinder(Element body, String title, int minChars) {
        this.body = body;
        this.title = title;
        this.minChars = minChars;
    }

    /** The content found: the elements to render, in order, and the elements inside them to leave out. */
    record Content(List<Element> parts, Set<Element> dropped, int length, String byline, ContentFilters filters,
                   ContentFilters effective) {
        /**
         * True when a search with {@code next} finds the same content: it differs from this one's filters only in
         * filters that it turns off and that had no effect here.
         */
        boolean sameWith(ContentFilters next) {
            return same(filters.stripUnlikely(), next.stripUnlikely(), effective.stripUnlikely())
                    && same(filters.weightClasses(), next.weightClasses(), effective.weightClasses())
                    && same(filters.cleanConditionally(), next.cleanConditionally(), effective.cleanConditionally());
        }

        private static boolean same(boolean on, boolean next, boolean hadEffect) {
            return on == next || (on && !hadEffect);
        }
    }

    Content find() {
        return find(null);
    }

    /**
     * The content; the first search's walk also passes the body's meta tags and JSON-LD scripts to
     * {@code sources} when it is not null.
     */
    Content find(PageMetadata.Sources sources) {
        Content best = null;
        Content last = null;
        for (ContentFilters filters : ContentFilters.IN_ORDER) {
            if (last != null && last.sameWith(filters)) {
                continue;
            }
            Content c = search(filters, best == null ? sources : null);
            last = c;
            if (c.length() >= minChars) {
                return c;
            }
            if (best == null || c.length() > best.length()) {
                best = c;
            }
        }
        return best;
    }

    private Content search(ContentFilters filters, PageMetadata.Sources sources) {
        PageMeasures page = new PageMeasures();
        CandidateScores scores = new CandidateScores(filters.weightClasses());
        ContentCleaner cleaner = new ContentCleaner(page, filters, title);
        List<Element> ranked = new ContentScorer(body, page, scores, cleaner, sources).rank();
        List<Element> parts = new ContentSelector(body, page, scores).select(ranked);
        cleaner.clean(parts);
        int len = 0;
        for (Element p : parts) {
            len += page.measure(p).len;
        }
        ContentFilters effective = new ContentFilters(cleaner.stripped(), cleaner.weighted() || scores.weighted(),
                cleaner.cleanedConditionally());
        return new Content(parts, page.dropped(), len, cleaner.byline(), filters, effective);
    }
}
