package dev.newsbatch.ingest;

/**
 * The content scores of candidate elements, by node number of the {@link PageTree}. A candidate starts from a
 * bonus or malus for its tag (div +5; pre, td, blockquote +3; lists, list items, address, form -3; headings and th
 * -5), plus its {@link Hints#classWeight class weight} when class weights are on, and then gains the points its
 * paragraphs pass up.
 */
final class CandidateScores {
    private final PageTree tree;
    private final double[] scores;
    private final boolean[] candidate;
    /** The candidates in the order they became one. */
    private final IntList order = new IntList();
    private final boolean weightClasses;
    /** True once a candidate's class weight was not zero. */
    private boolean weighted;

    CandidateScores(PageTree tree, boolean weightClasses) {
        this.tree = tree;
        this.scores = new double[tree.size()];
        this.candidate = new boolean[tree.size()];
        this.weightClasses = weightClasses;
    }

    /** Adds {@code points} to the score of {@code e}, making it a candidate if it is not yet one. */
    void add(int e, double points) {
        consider(e);
        scores[e] += points;
    }

    /** Makes {@code e} a candidate with its initial score if it is not yet one. */
    void consider(int e) {
        if (!candidate[e]) {
            candidate[e] = true;
            scores[e] = initialScore(e);
            order.add(e);
        }
    }

    void scale(int e, double factor) {
        scores[e] *= factor;
    }

    boolean isCandidate(int e) {
        return candidate[e];
    }

    /** The score of {@code e}, 0 when it is not a candidate. */
    double score(int e) {
        return candidate[e] ? scores[e] : 0;
    }

    /** True when a candidate's class weight was not zero (without class weights, some score would differ). */
    boolean weighted() {
        return weighted;
    }

    /** How many candidates there are. */
    int count() {
        return order.size();
    }

    /** The {@code i}-th candidate in the order they became one. */
    int candidate(int i) {
        return order.get(i);
    }

    /**
     * The {@code k} best candidates by score, best first (fewer when there are fewer); equal scores keep the order
     * the candidates became one in.
     */
    int[] best(int k) {
        int[] top = new int[Math.min(k, order.size())];
        int n = 0;
        for (int i = 0, size = order.size(); i < size; i++) {
            int c = order.get(i);
            double s = scores[c];
            int at = n;
            // after every candidate that scores as much or more
            while (at > 0 && Double.compare(s, scores[top[at - 1]]) > 0) {
                at--;
            }
            if (at < top.length) {
                System.arraycopy(top, at, top, at + 1, Math.min(n, top.length - 1) - at);
                top[at] = c;
                n = Math.min(n + 1, top.length);
            }
        }
        return top;
    }

    private double initialScore(int e) {
        double s;
        switch (tree.tag(e)) {
            case "div": s = 5; break;
            case "pre": case "td": case "blockquote": s = 3; break;
            case "address": case "ol": case "ul": case "dl": case "dd": case "dt": case "li": case "form": s = -3; break;
            case "h1": case "h2": case "h3": case "h4": case "h5": case "h6": case "th": s = -5; break;
            default: s = 0;
        }
        int w = weightClasses ? tree.classWeight(e) : 0;
        weighted |= w != 0;
        return s + w;
    }
}
