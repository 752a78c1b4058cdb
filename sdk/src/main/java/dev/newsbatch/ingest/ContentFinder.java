package dev.newsbatch.ingest;

/**
 * Finds the main content of a page in its {@link PageTree}, without changing its DOM, in three phases: {@link ContentScorer} scores
 * candidate elements by their paragraphs' text, commas and link density and by class and id hints;
 * {@link ContentSelector} chooses the best candidate and the siblings that belong with it; {@link ContentCleaner}
 * leaves out hidden elements and boilerplate, both while scoring and inside the chosen elements. When the result
 * is shorter than a threshold, the search runs again with fewer {@link ContentFilters filters}, and the longest
 * result is kept if none reaches it. A search is skipped when each filter it turns off had no effect on the
 * previous one: it would find the same content.
 */
final class ContentFinder {
    private final PageTree tree;
    private final TitleHeadings title;
    private final int minChars;

    ContentFinder(PageTree tree, String title, int minChars) {
        this.tree = tree;
        this.title = new TitleHeadings(tree, title);
        this.minChars = minChars;
    }

    /**
     * The content found: the elements to render, in order, and the elements inside them to leave out (by node
     * number of the tree).
     */
    record Content(int[] parts, boolean[] dropped, int length, String byline, ContentFilters filters,
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
        Content best = null;
        Content last = null;
        for (ContentFilters filters : ContentFilters.IN_ORDER) {
            if (last != null && last.sameWith(filters)) {
                continue;
            }
            Content c = search(filters);
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

    private Content search(ContentFilters filters) {
        PageMeasures page = new PageMeasures(tree);
        CandidateScores scores = new CandidateScores(tree, filters.weightClasses());
        ContentCleaner cleaner = new ContentCleaner(page, filters, title);
        int[] ranked = new ContentScorer(page, scores, cleaner).rank();
        int[] parts = new ContentSelector(page, scores).select(ranked);
        cleaner.clean(parts);
        int len = 0;
        for (int p : parts) {
            len += page.measure(p).len;
        }
        ContentFilters effective = new ContentFilters(cleaner.stripped(), cleaner.weighted() || scores.weighted(),
                cleaner.cleanedConditionally());
        return new Content(parts, page.dropped(), len, cleaner.byline(), filters, effective);
    }
}
