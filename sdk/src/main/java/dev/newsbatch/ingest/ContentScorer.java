package dev.newsbatch.ingest;

/**
 * Scores the candidate elements of a page in one walk over its {@link PageTree}. Paragraph-like units (p, pre,
 * td, section, h2-h6, divs holding only inline content, and runs of inline content inside divs) of at least 25
 * characters earn one point, one per comma and one per 100 characters (at most 3); each passes its points to its
 * ancestors: fully to the parent, halved to the grandparent, then divided by three times the level, up to five
 * levels. Each candidate's score is then scaled by the share of its text that is not link text. What the
 * {@link ContentCleaner} leaves out during the walk is neither measured nor scored.
 */
final class ContentScorer {
    private final PageTree tree;
    private final PageMeasures page;
    private final CandidateScores scores;
    private final ContentCleaner cleaner;

    ContentScorer(PageMeasures page, CandidateScores scores, ContentCleaner cleaner) {
        this.tree = page.tree();
        this.page = page;
        this.scores = scores;
        this.cleaner = cleaner;
    }

    /**
     * Walks and scores the body; the node numbers of the {@link ContentSelector#RANKED} best candidates, best
     * first.
     */
    int[] rank() {
        walk(tree.body(), false, false);
        for (int i = 0, n = scores.count(); i < n; i++) {
            int c = scores.candidate(i);
            scores.scale(c, 1 - page.stats(c).linkDensity());
        }
        return scores.best(ContentSelector.RANKED);
    }

    /**
     * Measures element {@code e}, collects scoring units and drops what the cleaner leaves out while walking; null
     * when {@code e} itself is dropped.
     */
    private TextStats walk(int e, boolean inTable, boolean inCode) {
        String tag = tree.tag(e);
        if (e != tree.body() && cleaner.leavesOut(e, tag, inTable, inCode)) {
            page.dropWalked(e);
            return null;
        }
        TextStats s = new TextStats();
        boolean childInTable = inTable || tree.has(e, PageTree.TABLE);
        boolean childInCode = inCode || tree.has(e, PageTree.CODE);
        boolean isDiv = tree.has(e, PageTree.DIV);
        TextStats run = null;
        for (int c = e + 1, end = tree.end(e); c < end; c = tree.end(c)) {
            String ct = tree.tag(c);
            if (ct == null) {
                int len = tree.textLen(c);
                int commas = tree.textCommas(c);
                if (isDiv) {
                    run = run == null ? new TextStats() : run;
                    run.addText(len, commas);
                }
                s.addText(len, commas);
                continue;
            }
            TextStats cs = walk(c, childInTable, childInCode);
            if (isDiv) {
                if (tree.has(c, PageTree.PHRASING)) {
                    run = run == null ? new TextStats() : run;
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
            s.addChild(tree.kind(c), tree.has(c, PageTree.IN_PAGE_LINK), cs);
            if (page.isParagraph(c)) {
                s.p++;
            }
        }
        if (isDiv) {
            if (!s.hasBlock) {
                page.markParagraph(e);
                score(e, s, false);
            } else {
                flushRun(e, run);
            }
        } else if (tree.has(e, PageTree.SCORED)) {
            score(e, s, false);
        }
        // the same measures as PageMeasures.measure(e) computes, so that cleaning starts from them
        page.walked(e, s);
        return s;
    }

    private void flushRun(int div, TextStats run) {
        if (run != null && run.len > 0) {
            score(div, run, true);
        }
    }

    /** Scores a unit into its ancestors; an inline run inside a div counts as a child of that div. */
    private void score(int unit, TextStats text, boolean isRun) {
        if (text.len < 25) {
            return;
        }
        double points = 1 + text.commas + Math.min(Math.floor(text.len / 100.0), 3);
        int a = isRun ? unit : tree.parent(unit);
        // the tree's ancestors end where scoring stops: above the html element
        for (int level = 0; a >= 0 && level < 5; level++, a = tree.parent(a)) {
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            scores.add(a, points / divider);
        }
    }
}
