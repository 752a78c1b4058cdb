package dev.newsbatch.ingest;

/**
 * What one search knows about the page's elements, shared by its scoring, selection and cleaning, by node number
 * of the {@link PageTree}: the elements dropped so far, the divs that read as paragraphs, and each element's
 * {@link TextStats} leaving out dropped elements. The DOM itself is never changed.
 */
final class PageMeasures {
    private final PageTree tree;
    /**
     * Measures of elements, leaving out dropped ones: filled by the scoring walk for every element it keeps, and
     * forgotten for the ancestors of each element dropped later (see {@link #measure}).
     */
    private final TextStats[] measured;
    private final boolean[] dropped;
    private final boolean[] paragraphs;

    PageMeasures(PageTree tree) {
        this.tree = tree;
        this.measured = new TextStats[tree.size()];
        this.dropped = new boolean[tree.size()];
        this.paragraphs = new boolean[tree.size()];
    }

    PageTree tree() {
        return tree;
    }

    /** Keeps the measures the scoring walk took of element {@code i}. */
    void walked(int i, TextStats s) {
        measured[i] = s;
    }

    /** The walk's measures of {@code i}, or empty measures when it has none. */
    TextStats stats(int i) {
        TextStats s = measured[i];
        return s == null ? new TextStats() : s;
    }

    /**
     * Stats of element {@code i} leaving out dropped elements: the walk's measures until a descendant is dropped,
     * then computed again from the children's (mostly still known) measures.
     */
    TextStats measure(int i) {
        TextStats memo = measured[i];
        if (memo != null) {
            return memo;
        }
        TextStats s = new TextStats();
        for (int c = i + 1, end = tree.end(i); c < end; c = tree.end(c)) {
            String ct = tree.tag(c);
            if (ct == null) {
                s.addText(tree.textLen(c), tree.textCommas(c));
            } else if (!dropped[c]) {
                s.addChild(tree.kind(c), tree.has(c, PageTree.IN_PAGE_LINK), measure(c));
                if (paragraphs[c]) {
                    s.p++;
                }
            }
        }
        measured[i] = s;
        return s;
    }

    /** Drops {@code i} during the scoring walk, before any of its ancestors is measured. */
    void dropWalked(int i) {
        dropped[i] = true;
    }

    /** Drops {@code i} and forgets the measures of its ancestors, which it changes. */
    void drop(int i) {
        if (!dropped[i]) {
            dropped[i] = true;
            for (int a = tree.parent(i); a >= 0; a = tree.parent(a)) {
                measured[a] = null;
            }
        }
    }

    /** True when {@code i} itself was dropped. */
    boolean isDropped(int i) {
        return dropped[i];
    }

    /** True when {@code i} or one of its ancestors was dropped. */
    boolean isInDropped(int i) {
        for (int a = i; a >= 0; a = tree.parent(a)) {
            if (dropped[a]) {
                return true;
            }
        }
        return false;
    }

    /** The dropped elements by node number (the live array). */
    boolean[] dropped() {
        return dropped;
    }

    void markParagraph(int div) {
        paragraphs[div] = true;
    }

    /** True for a div that holds only inline content. */
    boolean isParagraph(int i) {
        return paragraphs[i];
    }

    /** Adds {@code i} and its descendant elements in document order to {@code out}, leaving out dropped subtrees. */
    void elementsOf(int i, IntList out) {
        for (int j = i, end = tree.end(i); j < end; ) {
            if (tree.isText(j)) {
                j++;
            } else if (dropped[j]) {
                j = tree.end(j);
            } else {
                out.add(j);
                j++;
            }
        }
    }
}
