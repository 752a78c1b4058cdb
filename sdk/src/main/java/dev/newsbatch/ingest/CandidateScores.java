package dev.newsbatch.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * The content scores of candidate elements. A candidate starts from a bonus or malus for its tag (div +5; pre, td,
 * blockquote +3; lists, list items, address, form -3; headings and th -5), plus its {@link Hints#classWeight class
 * weight} when class weights are on, and then gains the points its paragraphs pass up.
 */
final class CandidateScores {
    private final Map<Element, double[]> scores = new IdentityHashMap<>();
    private final boolean weightClasses;
    /** True once a candidate's class weight was not zero. */
    private boolean weighted;

    CandidateScores(boolean weightClasses) {
        this.weightClasses = weightClasses;
    }

    /** Adds {@code points} to the score of {@code e}, making it a candidate if it is not yet one. */
    void add(Element e, double points) {
        of(e)[0] += points;
    }

    /** Makes {@code e} a candidate with its initial score if it is not yet one. */
    void consider(Element e) {
        of(e);
    }

    void scale(Element e, double factor) {
        scores.get(e)[0] *= factor;
    }

    boolean isCandidate(Element e) {
        return scores.containsKey(e);
    }

    /** The score of {@code e}, 0 when it is not a candidate. */
    double score(Element e) {
        double[] s = scores.get(e);
        return s == null ? 0 : s[0];
    }

    /** True when a candidate's class weight was not zero (without class weights, some score would differ). */
    boolean weighted() {
        return weighted;
    }

    /** Every candidate, in no particular order. */
    List<Element> candidates() {
        return new ArrayList<>(scores.keySet());
    }

    private double[] of(Element e) {
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
        int w = weightClasses ? Hints.classWeight(e) : 0;
        weighted |= w != 0;
        return s + w;
    }
}
