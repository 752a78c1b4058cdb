package dev.newsbatch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

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
    private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");

    private final Element body;
    private final PageMeasures page;
    private final CandidateScores scores;

    ContentSelector(Element body, PageMeasures page, CandidateScores scores) {
        this.body = body;
        this.page = page;
        this.scores = scores;
    }

    /** The elements that make up the content, in document order. */
    List<Element> select(List<Element> ranked) {
        Element top = ranked.isEmpty() ? null : ranked.get(0);
        List<Element> parts = new ArrayList<>();
        if (top == null || top == body || "html".equals(top.normalName())) {
            parts.add(body);
        } else {
            top = widen(top, ranked);
            parts.addAll(siblings(top));
        }
        return parts;
    }

    private Element widen(Element top, List<Element> ranked) {
        double topScore = scores.score(top);
        List<List<Element>> alternatives = new ArrayList<>();
        for (int i = 1; i < Math.min(5, ranked.size()); i++) {
            Element c = ranked.get(i);
            if (scores.score(c) / topScore >= 0.75) {
                alternatives.add(c.parents());
            }
        }
        if (alternatives.size() >= 3) {
            Element parent = top.parent();
            while (parent != null && parent != body && !"html".equals(parent.normalName())) {
                int containing = 0;
                for (List<Element> anc : alternatives) {
                    if (anc.contains(parent)) {
                        containing++;
                    }
                }
                if (containing >= 3) {
                    top = parent;
                    break;
                }
                parent = parent.parent();
            }
        }
        scores.consider(top);
        Element parent = top.parent();
        double last = scores.score(top);
        double threshold = last / 3;
        while (parent != null && parent != body && !"html".equals(parent.normalName())) {
            if (!scores.isCandidate(parent)) {
                parent = parent.parent();
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
            parent = parent.parent();
        }
        parent = top.parent();
        while (parent != null && parent != body && parent.childrenSize() == 1) {
            top = parent;
            parent = top.parent();
        }
        scores.consider(top);
        return top;
    }

    private List<Element> siblings(Element top) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double topScore = scores.score(top);
        double threshold = Math.max(10, topScore * 0.2);
        String topClass = top.className();
        List<Element> parts = new ArrayList<>();
        for (Element sib : parent.children()) {
            if (sib == top) {
                parts.add(sib);
                continue;
            }
            if (page.isDropped(sib)) {
                continue;
            }
            double bonus = !topClass.isEmpty() && topClass.equals(sib.className()) ? topScore * 0.2 : 0;
            if (scores.isCandidate(sib) && scores.score(sib) + bonus >= threshold) {
                parts.add(sib);
            } else if (sib.normalName().equals("p") || page.isParagraph(sib)) {
                TextStats s = page.stats(sib);
                double ld = s.linkDensity();
                if (s.len > 80 && ld < 0.25) {
                    parts.add(sib);
                } else if (s.len < 80 && s.len > 0 && ld == 0 && SENTENCE_END.matcher(sib.text()).find()) {
                    parts.add(sib);
                }
            }
        }
        return parts;
    }
}
