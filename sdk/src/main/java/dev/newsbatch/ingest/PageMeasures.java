package dev.newsbatch.ingest;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * What one search knows about the page's elements, shared by its scoring, selection and cleaning: the elements
 * dropped so far, the divs that read as paragraphs, and each element's {@link TextStats} leaving out dropped
 * elements. The DOM itself is never changed.
 */
final class PageMeasures {
    /**
     * Measures of elements, leaving out dropped ones: filled by the scoring walk for every element it keeps, and
     * forgotten for the ancestors of each element dropped later (see {@link #measure}).
     */
    private final Map<Element, TextStats> measured = new IdentityHashMap<>(256);
    private final Set<Element> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Element> paragraphs = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Keeps the measures the scoring walk took of {@code e}. */
    void walked(Element e, TextStats s) {
        // an element without children (img, br, meta, an empty span) has empty measures: measure() knows them
        // without a map entry, and many pages have thousands of them
        if (e.childNodeSize() > 0) {
            measured.put(e, s);
        }
    }

    /** The walk's measures of {@code e}, or empty measures when it has none. */
    TextStats stats(Element e) {
        TextStats s = e.childNodeSize() == 0 ? null : measured.get(e);
        return s == null ? new TextStats() : s;
    }

    /**
     * Stats of {@code e} leaving out dropped elements: the walk's measures until a descendant is dropped, then
     * computed again from the children's (mostly still known) measures.
     */
    TextStats measure(Element e) {
        if (e.childNodeSize() == 0) {
            return new TextStats();
        }
        TextStats memo = measured.get(e);
        if (memo != null) {
            return memo;
        }
        TextStats s = new TextStats();
        for (int i = 0, count = e.childNodeSize(); i < count; i++) {
            Node n = e.childNode(i);
            if (n instanceof TextNode) {
                s.addText(((TextNode) n).getWholeText());
            } else if (n instanceof Element) {
                Element c = (Element) n;
                if (dropped.contains(c)) {
                    continue;
                }
                TextStats cs = measure(c);
                s.addChild(c, c.normalName(), cs);
                if (paragraphs.contains(c)) {
                    s.p++;
                }
            }
        }
        measured.put(e, s);
        return s;
    }

    /** Drops {@code e} during the scoring walk, before any of its ancestors is measured. */
    void dropWalked(Element e) {
        dropped.add(e);
    }

    /** Drops {@code e} and forgets the measures of its ancestors, which it changes. */
    void drop(Element e) {
        if (dropped.add(e)) {
            for (Element a = e.parent(); a != null; a = a.parent()) {
                measured.remove(a);
            }
        }
    }

    /** True when {@code e} itself was dropped. */
    boolean isDropped(Element e) {
        return dropped.contains(e);
    }

    /** True when {@code e} or one of its ancestors was dropped. */
    boolean isInDropped(Element e) {
        for (Element a = e; a != null; a = a.parent()) {
            if (dropped.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** The dropped elements (a live view). */
    Set<Element> dropped() {
        return dropped;
    }

    void markParagraph(Element div) {
        paragraphs.add(div);
    }

    /** True for a div that holds only inline content. */
    boolean isParagraph(Element e) {
        return paragraphs.contains(e);
    }

    /** Adds {@code e} and its descendants in document order to {@code out}, leaving out dropped subtrees. */
    void elementsOf(Element e, List<Element> out) {
        if (dropped.contains(e)) {
            return;
        }
        out.add(e);
        for (int i = 0, n = e.childNodeSize(); i < n; i++) {
            Node c = e.childNode(i);
            if (c instanceof Element) {
                elementsOf((Element) c, out);
            }
        }
    }
}
