package dev.newsbatch.ingest;

import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Scores the candidate elements of a page in one walk. Paragraph-like units (p, pre, td, section, h2-h6, divs
 * holding only inline content, and runs of inline content inside divs) of at least 25 characters earn one point,
 * one per comma and one per 100 characters (at most 3); each passes its points to its ancestors: fully to the
 * parent, halved to the grandparent, then divided by three times the level, up to five levels. Each candidate's
 * score is then scaled by the share of its text that is not link text. What the {@link ContentCleaner} leaves out
 * during the walk is neither measured nor scored.
 */
final class ContentScorer {
    private static final Set<String> PHRASING = Set.of("abbr", "audio", "b", "bdo", "br", "button", "cite", "code",
            "data", "datalist", "dfn", "em", "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter",
            "noscript", "object", "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span",
            "strong", "sub", "sup", "textarea", "time", "var", "wbr", "a", "del", "ins", "font", "u", "s", "strike",
            "tt", "big");
    private static final Set<String> SCORED = Set.of("section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre");

    private final Element body;
    private final PageMeasures page;
    private final CandidateScores scores;
    private final ContentCleaner cleaner;
    /** Where the walk passes the page's meta tags and JSON-LD scripts, or null. */
    private final PageMetadata.Sources sources;
    /** The attributes of the element being walked (read before its children are). */
    private final Hints hints = new Hints();

    /** {@code sources}, when not null, receives the meta tags and JSON-LD scripts of the body as the walk goes. */
    ContentScorer(Element body, PageMeasures page, CandidateScores scores, ContentCleaner cleaner,
                  PageMetadata.Sources sources) {
        this.body = body;
        this.page = page;
        this.scores = scores;
        this.cleaner = cleaner;
        this.sources = sources;
    }

    /** Walks and scores the body; the candidates, best first. */
    List<Element> rank() {
        walk(body, false, false);
        List<Element> candidates = scores.candidates();
        for (Element c : candidates) {
            scores.scale(c, 1 - page.stats(c).linkDensity());
        }
        candidates.sort((a, b) -> Double.compare(scores.score(b), scores.score(a)));
        return candidates;
    }

    /**
     * Measures {@code e}, collects scoring units and drops what the cleaner leaves out while walking; null when
     * {@code e} itself is dropped.
     */
    private TextStats walk(Element e, boolean inTable, boolean inCode) {
        String tag = e.normalName();
        if (e != body && cleaner.leavesOut(e, tag, hints.read(e), inTable, inCode)) {
            if (sources != null) {
                sources.visit(e);
            }
            page.dropWalked(e);
            return null;
        }
        if (sources != null) {
            sources.add(e, tag);
        }
        TextStats s = new TextStats();
        boolean childInTable = inTable || tag.equals("table");
        boolean childInCode = inCode || tag.equals("code");
        boolean isDiv = tag.equals("div");
        TextStats run = null;
        for (int i = 0, count = e.childNodeSize(); i < count; i++) {
            Node n = e.childNode(i);
            if (n instanceof TextNode) {
                String t = ((TextNode) n).getWholeText();
                if (isDiv) {
                    run = run == null ? new TextStats() : run;
                    int len = run.len;
                    int commas = run.commas;
                    run.addText(t);
                    s.len += run.len - len;
                    s.commas += run.commas - commas;
                } else {
                    s.addText(t);
                }
            } else if (n instanceof Element) {
                Element c = (Element) n;
                TextStats cs = walk(c, childInTable, childInCode);
                String ct = c.normalName();
                if (isDiv) {
                    if (PHRASING.contains(ct)) {
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
                s.addChild(c, ct, cs);
                if (ct.equals("div") && page.isParagraph(c)) {
                    s.p++;
                }
            }
        }
        if (isDiv) {
            if (!s.hasBlock) {
                page.markParagraph(e);
                score(e, s, false);
            } else {
                flushRun(e, run);
            }
        } else if (SCORED.contains(tag)) {
            score(e, s, false);
        }
        // the same measures as PageMeasures.measure(e) computes, so that cleaning starts from them
        page.walked(e, s);
        return s;
    }

    private void flushRun(Element div, TextStats run) {
        if (run != null && run.len > 0) {
            score(div, run, true);
        }
    }

    /** Scores a unit into its ancestors; an inline run inside a div counts as a child of that div. */
    private void score(Element unit, TextStats text, boolean isRun) {
        if (text.len < 25) {
            return;
        }
        double points = 1 + text.commas + Math.min(Math.floor(text.len / 100.0), 3);
        Element a = isRun ? unit : unit.parent();
        for (int level = 0; a != null && level < 5; level++, a = a.parent()) {
            if (a.parent() == null && !"html".equals(a.normalName())) {
                break;
            }
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            scores.add(a, points / divider);
        }
    }
}
