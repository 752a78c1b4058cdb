package dev.newsbatch.ingest;

import java.util.regex.Pattern;

/**
 * Chooses the main content from the ranked candidates. When at least three of the next four candidates score
 * within 75% of the best, the best is widened to its nearest ancestor that holds three of them; then, walking
 * up through scored ancestors, to the first that scores more than the one below it, unless one on the way
 * scores under a third of the candidate; then up through parents that have no other child. Its siblings join it
 * when they score at least a fifth of it and at least 10 (a sibling with the same class gets a bonus) or read
 * like paragraphs: over 80 characters with little link text, or a short sentence without links. When there is
 * no candidate, or the best is the body itself, the whole body is the content.
 */
final class ContentSelector {
    /** How many of the best candidates the choice looks at: the best and the four after it. */
    static final int RANKED = 5;
    private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");

    private final PageTree tree;
    private final int body;
    private final PageMeasures page;
    private final CandidateScores scores;

    ContentSelector(PageMeasures page, CandidateScores scores) {
        this.tree = page.tree();
        this.body = tree.body();
        this.page = page;
        this.scores = scores;
    }

    /** The elements that make up the content, in document order; {@code ranked} holds the best candidates, best first. */
    int[] select(int[] ranked) {
        int top = ranked.length == 0 ? -1 : ranked[0];
        // the body, the html element and any other ancestor of the body stand for the whole body
        if (top < 0 || top <= body) {
            return new int[] {body};
        }
        return siblings(widen(top, ranked));
    }

    /** True for an ancestor that widening and walking up stop at: the body and what is above it. */
    private boolean atTop(int e) {
        return e < 0 || e <= body;
    }

    private int widen(int top, int[] ranked) {
        double topScore = scores.score(top);
        IntList alternatives = new IntList();
        for (int i = 1; i < Math.min(RANKED, ranked.length); i++) {
            int c = ranked[i];
            if (scores.score(c) / topScore >= 0.75) {
                alternatives.add(c);
            }
        }
        if (alternatives.size() >= 3) {
            for (int parent = tree.parent(top); !atTop(parent); parent = tree.parent(parent)) {
                int containing = 0;
                for (int k = 0; k < alternatives.size(); k++) {
                    if (tree.isAncestor(parent, alternatives.get(k))) {
                        containing++;
                    }
                }
                if (containing >= 3) {
                    top = parent;
                    break;
                }
            }
        }
        scores.consider(top);
        int parent = tree.parent(top);
        double last = scores.score(top);
        double threshold = last / 3;
        while (!atTop(parent)) {
            if (!scores.isCandidate(parent)) {
                parent = tree.parent(parent);
                continue;
            }
            double ps = scores.score(parent);
            if (ps < threshold) {
                break;
            }
            if (ps > last) {
                top = parent;
                break;
            }
            last = ps;
            parent = tree.parent(parent);
        }
        parent = tree.parent(top);
        while (!atTop(parent) && tree.elementChildren(parent) == 1) {
            top = parent;
            parent = tree.parent(top);
        }
        scores.consider(top);
        return top;
    }

    private int[] siblings(int top) {
        int parent = tree.parent(top);
        if (parent < 0) {
            return new int[] {top};
        }
        double topScore = scores.score(top);
        double threshold = Math.max(10, topScore * 0.2);
        String topClass = tree.className(top);
        IntList parts = new IntList();
        for (int sib = parent + 1, end = tree.end(parent); sib < end; sib = tree.end(sib)) {
            if (tree.isText(sib)) {
                continue;
            }
            if (sib == top) {
                parts.add(sib);
                continue;
            }
            if (page.isDropped(sib)) {
                continue;
            }
            double bonus = !topClass.isEmpty() && topClass.equals(tree.className(sib)) ? topScore * 0.2 : 0;
            if (scores.isCandidate(sib) && scores.score(sib) + bonus >= threshold) {
                parts.add(sib);
            } else if (tree.tag(sib).equals("p") || page.isParagraph(sib)) {
                TextStats s = page.stats(sib);
                double ld = s.linkDensity();
                if (s.len > 80 && ld < 0.25) {
                    parts.add(sib);
                } else if (s.len < 80 && s.len > 0 && ld == 0 && SENTENCE_END.matcher(tree.text(sib)).find()) {
                    parts.add(sib);
                }
            }
        }
        return parts.toArray();
    }
}
