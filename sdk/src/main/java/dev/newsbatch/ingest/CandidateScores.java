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

    /** Every candidate, in the order they became one. */
    int[] candidates() {
        return order.toArray();
    }

    /** {@code candidates} by score, best first; equal scores keep their order. */
    int[] sortedByScore(int[] candidates) {
        int n = candidates.length;
        double[] by = new double[n];
        for (int i = 0; i < n; i++) {
            by[i] = scores[candidates[i]];
        }
        // a stable merge sort of positions, without boxing them
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        mergeSort(idx, new int[n], 0, n, by);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = candidates[idx[i]];
        }
        return out;
    }

    /** Sorts {@code a[from, to)} by {@code by}, highest first, keeping the order of equal ones. */
    private static void mergeSort(int[] a, int[] tmp, int from, int to, double[] by) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, by);
        mergeSort(a, tmp, mid, to, by);
        if (Double.compare(by[a[mid]], by[a[mid - 1]]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            // the right one goes first only when it is strictly higher
            if (j < to && (i >= mid || Double.compare(by[tmp[j]], by[tmp[i]]) > 0)) {
                a[k] = tmp[j++];
            } else {
                a[k] = tmp[i++];
            }
        }
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
