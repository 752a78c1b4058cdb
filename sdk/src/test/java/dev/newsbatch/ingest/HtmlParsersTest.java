package dev.newsbatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/** Pooled jsoup parsers build the documents a new parser builds, page after page, and keep little. */
class HtmlParsersTest {

    @Test
    void pooledParsersBuildTheDocumentsOfNewParsersOnEveryPageInAnyOrder() throws Exception {
        List<String> pages = new ArrayList<>();
        for (Path set : List.of(ExtractionScore.devSet(), ExtractionScore.otherSet())) {
            for (Path page : ExtractionScore.pages(set)) {
                pages.add(Files.readString(page.resolve("source.html"), StandardCharsets.UTF_8));
            }
        }
        pages.add(generated(new Random(7)));
        assertEquals(44, pages.size());
        Random order = new Random(42);
        for (int round = 0; round < 3; round++) {
            List<String> shuffled = new ArrayList<>(pages);
            java.util.Collections.shuffle(shuffled, order);
            for (String html : shuffled) {
                Document fresh = Jsoup.parse(html, "http://fakehost/");
                Document pooled = HtmlParsers.parse(html, "http://fakehost/");
                assertEquals(structure(fresh), structure(pooled), "a page of " + html.length() + " chars, round " + round);
                ArticleExtractor x = ArticleExtractor.ofDefaults();
                assertEquals(x.extract(fresh), x.extract(html, "http://fakehost/"));
                Document fromBytes = HtmlParsers.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)),
                        "UTF-8", "http://fakehost/", html.length());
                assertEquals(structure(fresh), structure(fromBytes));
            }
        }
    }

    @Test
    void aParserThatBuiltALargePageOrLearnedManyTagsIsNotKept() {
        HtmlParsers.parse("<p>warm</p>", "");
        int idle = HtmlParsers.idle();
        assertTrue(idle >= 1, "a small page's parser is kept");
        String large = "<p>" + "x".repeat(HtmlParsers.POOLED_PAGE_CHARS) + "</p>";
        assertEquals(HtmlParsers.POOLED_PAGE_CHARS, HtmlParsers.parse(large, "").body().text().length());
        assertEquals(idle - 1, HtmlParsers.idle(), "the parser lent for a large page holds its document: dropped");
        StringBuilder manyTags = new StringBuilder();
        for (int i = 0; i <= HtmlParsers.MAX_NEW_TAGS; i++) {
            manyTags.append("<x-t").append(i).append(">.</x-t").append(i).append('>');
        }
        int before = HtmlParsers.idle();
        assertEquals(HtmlParsers.MAX_NEW_TAGS + 1, HtmlParsers.parse(manyTags.toString(), "").body().text().length());
        assertEquals(Math.max(0, before - 1), HtmlParsers.idle(), "a parser whose tag set grew past the bound is dropped");
    }

    @Test
    void parallelParsesEachGetTheirOwnDocumentAndThePoolStaysBounded() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 20; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        String mark = "t" + thread + "-" + i;
                        Document d = HtmlParsers.parse("<html><body><div id=a><p>" + mark + "</p><svg><path d=1 /></svg>"
                                + "<custom-" + (i % 7) + ">x</custom-" + (i % 7) + "></div></body></html>", "");
                        assertEquals(mark + " x", d.body().text());
                    }
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(HtmlParsers.idle() <= HtmlParsers.POOL, "idle parsers: " + HtmlParsers.idle());
    }

    /** Every node's kind, name, attributes and text, in document order: what the extractor can read of a document. */
    private static String structure(Node n) {
        StringBuilder b = new StringBuilder();
        append(n, b);
        return b.toString();
    }

    private static void append(Node n, StringBuilder b) {
        if (n instanceof Element) {
            Element e = (Element) n;
            b.append('<').append(e.tag().namespace()).append(':').append(e.normalName());
            for (Attribute a : e.attributes()) {
                b.append(' ').append(a.getKey()).append('=').append(a.getValue());
            }
            b.append('>');
            for (Node c : e.childNodes()) {
                append(c, b);
            }
            b.append("</>");
        } else if (n instanceof TextNode) {
            b.append("T:").append(((TextNode) n).getWholeText()).append('\u0001');
        } else if (n instanceof DataNode) {
            b.append("D:").append(((DataNode) n).getWholeData()).append('\u0001');
        } else if (n instanceof Comment) {
            b.append("C:").append(((Comment) n).getData()).append('\u0001');
        } else {
            b.append(n.nodeName()).append('\u0001');
            for (Node c : n.childNodes()) {
                append(c, b);
            }
        }
    }

    /** A page of self-closed and unknown tags, SVG and MathML, nested tables and stray end tags. */
    private static String generated(Random r) {
        String[] tags = {"div", "p", "span", "svg", "path", "math", "mi", "x-card", "amp-img", "table", "tr", "td",
            "li", "ul", "b", "i", "a", "br", "img", "foo"};
        StringBuilder b = new StringBuilder("<!doctype html><html><head><title>t</title></head><body>");
        for (int i = 0; i < 3_000; i++) {
            String t = tags[r.nextInt(tags.length)];
            switch (r.nextInt(4)) {
                case 0: b.append('<').append(t).append(" class=c").append(i % 5).append(" />"); break;
                case 1: b.append('<').append(t).append('>'); break;
                case 2: b.append("</").append(t).append('>'); break;
                default: b.append("word, ").append(i).append(' '); break;
            }
        }
        return b.append("</body></html>").toString();
    }
}
