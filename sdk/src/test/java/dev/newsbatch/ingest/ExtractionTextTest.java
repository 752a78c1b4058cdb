package dev.newsbatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** The small text measures behind extraction: keyword tests, word similarity, collapsed lengths, rendering. */
class ExtractionTextTest {

    @Test
    void keywordsMatchUnanchoredWordsAnywhere() {
        Keywords k = Keywords.of("-ad-|sidebar|a|comment");
        assertTrue(k.in("page-sidebar-left"));
        assertTrue(k.in("x-ad-y"));
        assertTrue(k.in("a"));
        assertTrue(k.in("nocomment"));
        assertFalse(k.in("side bin"));
        assertFalse(k.in(""));
    }

    @Test
    void keywordsHonourAnchors() {
        Keywords k = Keywords.of("^hid$| hid$| hid |^hid ");
        assertTrue(k.in("hid"));
        assertTrue(k.in("box hid"));
        assertTrue(k.in("hid box"));
        assertTrue(k.in("a hid b"));
        assertFalse(k.in("hidden"));
        assertFalse(k.in("ahid"));
    }

    @Test
    void tokensSplitOnAnythingButLettersDigitsAndUnderscore() {
        assertEquals(List.of("état", "2024", "x_y", "中文", "ⅷ"), Text.tokens("État—2024, x_y 中文 Ⅷ!"));
        assertEquals(List.of(), Text.tokens(" ,;- "));
    }

    @Test
    void similarityIsTheShareOfSecondTextInFirst() {
        assertEquals(1.0, Text.similarity("Budget passes in city", "budget passes"));
        assertEquals(0.0, Text.similarity("Budget passes", "weather"));
        // "news" is new: 4 of the 18 characters of "budget passes news"
        assertEquals(1 - 4.0 / 18, Text.similarity("Budget passes", "budget passes news"), 1e-12);
        assertEquals(0.0, Text.similarity("", "x"));
    }

    @Test
    void collapsedLengthCountsWhitespaceRunsOnceAndCommas() {
        TextStats s = new TextStats();
        s.addText("  a,\u00A0\u00A0b\t\nc， ");
        // "a," + " " + "b" + " " + "c，" + " " (leading run not counted)
        assertEquals(8, s.len);
        assertEquals(2, s.commas);
    }

    @Test
    void isSpaceIsWhitespaceOrANonBreakingSpaceForEveryChar() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            assertEquals(Character.isWhitespace(c) || c == '\u00A0', Text.isSpace((char) c), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void hintsReadAttributesLikeAttrDoes() {
        Element e = Jsoup.parse("<div ID=main Class=' story  ' ROLE=navigation aria-hidden=true hidden></div>")
                .selectFirst("div");
        Hints h = new Hints().read(e);
        assertEquals(e.className(), h.className());
        assertEquals(e.id(), h.id);
        assertEquals(e.attr("role"), h.role);
        assertTrue(h.hidden);
        assertTrue(ContentCleaner.isNeverContent("div", h));
        assertFalse(ContentCleaner.isNeverContent("div", new Hints().read(Jsoup.parse("<div id=x></div>").selectFirst("div"))));
    }

    @Test
    void rendererCollapsesSpacesAcrossNodesAndBreaksBlocks() {
        Element body = Jsoup.parse("<p>one  two\u00A0 <b>three</b>\u200Bfour</p><div>five<br>six</div><p> \n </p>").body();
        PageTree tree = PageTree.of(body, null);
        String text = TextRenderer.render(tree, new int[] {tree.body()}, new boolean[tree.size()], 0);
        assertEquals("one two three four\nfive\nsix", text);
    }

    @Test
    void bestCandidatesAreTheTopOfAStableSortByScore() {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            html.append("<div><p>x</p></div>");
        }
        PageTree tree = PageTree.of(Jsoup.parse(html.toString()).body(), null);
        Random random = new Random(3);
        for (int trial = 0; trial < 500; trial++) {
            CandidateScores scores = new CandidateScores(tree, false);
            List<Integer> order = new ArrayList<>();
            for (int e = tree.body() + 1; e < tree.size(); e++) {
                if (!tree.isText(e) && random.nextInt(3) > 0) {
                    // few distinct scores, so that ties are common
                    scores.add(e, random.nextInt(4) - 1);
                    order.add(e);
                }
            }
            List<Integer> sorted = new ArrayList<>(order);
            sorted.sort((a, b) -> Double.compare(scores.score(b), scores.score(a)));
            int k = 1 + random.nextInt(7);
            int[] best = scores.best(k);
            assertEquals(sorted.subList(0, Math.min(k, sorted.size())),
                    Arrays.stream(best).boxed().collect(Collectors.toList()), "k=" + k);
        }
        assertEquals(0, new CandidateScores(tree, false).best(5).length);
    }

    @Test
    void findsMetadataInBodyAsTheWholePageWalkDoes() {
        String html = "<html><head><meta property='og:site_name' content='City Times'></head><body>"
                + "<div class='sidebar'><meta name='author' content='Ann Lee'></div><script type='application/ld+json'>"
                + "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Budget passes\"}"
                + "</script><p>text</p></body></html>";
        PageMetadata whole = PageMetadata.of(Jsoup.parse(html));
        assertEquals("Budget passes", whole.title());
        assertEquals("Ann Lee", whole.byline());
        assertEquals("City Times", whole.siteName());
        ExtractedArticle a = ArticleExtractor.ofDefaults().extract(html, "");
        assertEquals(whole.title(), a.title());
        assertEquals(whole.byline(), a.byline());
        assertEquals(whole.siteName(), a.siteName());
    }

    @Test
    void leavesOutTheHeadingRepeatingATitleThatOnlyTheBodyStates() {
        String para = "<p>The council approved the new budget on Monday after a long debate, and the mayor said that "
                + "spending on schools, roads and parks would rise next year.</p>";
        String html = "<html><head><title>City Times</title></head><body><article><h1>Budget passes after long debate</h1>"
                + para + para + para + para + "</article><script type='application/ld+json'>{\"@context\":"
                + "\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Budget passes after long debate\"}"
                + "</script></body></html>";
        ExtractedArticle a = ArticleExtractor.ofDefaults().extract(html, "");
        assertEquals("Budget passes after long debate", a.title());
        assertFalse(a.contents().contains("Budget passes"), a.contents());
        assertTrue(a.contents().startsWith("The council approved"), a.contents());
    }

    @Test
    void aSearchWithFewerFiltersIsSkippedOnlyWhenTheFiltersItDropsHadNoEffect() {
        ContentFilters all = ContentFilters.IN_ORDER.get(0);
        ContentFilters noStrip = ContentFilters.IN_ORDER.get(1);
        ContentFilters noWeights = ContentFilters.IN_ORDER.get(2);
        ContentFilters none = ContentFilters.IN_ORDER.get(3);
        ContentFinder.Content noEffect = new ContentFinder.Content(new int[0], new boolean[0], 0, null, all,
                new ContentFilters(false, false, false));
        assertTrue(noEffect.sameWith(noStrip));
        assertTrue(noEffect.sameWith(none));
        ContentFinder.Content stripped = new ContentFinder.Content(new int[0], new boolean[0], 0, null, all,
                new ContentFilters(true, false, false));
        assertFalse(stripped.sameWith(noStrip));
        ContentFinder.Content weighted = new ContentFinder.Content(new int[0], new boolean[0], 0, null, noStrip,
                new ContentFilters(false, true, false));
        assertFalse(weighted.sameWith(noWeights));
        ContentFinder.Content cleaned = new ContentFinder.Content(new int[0], new boolean[0], 0, null, noWeights,
                new ContentFilters(false, false, true));
        assertFalse(cleaned.sameWith(none));
        // a filter turned back on is never assumed to change nothing
        ContentFinder.Content fewer = new ContentFinder.Content(new int[0], new boolean[0], 0, null, none,
                new ContentFilters(false, false, false));
        assertFalse(fewer.sameWith(all));
    }

    @Test
    void shortTextThatOnlyStrippingLeftOutComesBackInTheNextSearch() {
        String html = "<html><body><div class=\"sidebar\"><p>The only text of this page sits in a block whose class"
                + " reads like a sidebar, so the first search strips it, finds too little and searches again.</p>"
                + "</div></body></html>";
        ExtractedArticle a = ArticleExtractor.ofDefaults().extract(html, "");
        assertTrue(a.contents().startsWith("The only text of this page"), a.contents());
    }

    @Test
    void shortTextWithoutFilterEffectsIsFoundByTheFirstSearchAlone() {
        Element body = Jsoup.parse("<html><body><div><p>A short brief, with one paragraph, and nothing that the"
                + " filters would leave out.</p></div></body></html>").body();
        ContentFinder.Content c = new ContentFinder(PageTree.of(body, null), "", 500).find();
        assertEquals(ContentFilters.IN_ORDER.get(0), c.filters());
        assertTrue(c.length() > 0);
    }

    @Test
    void aDateAfterTheNameInABylineIsCut() {
        assertEquals("Jane Doe", ContentCleaner.withoutTrailingDate("Jane Doe - Apr 16, 2015 8:02 pm UTC"));
        assertEquals("Jane Doe", ContentCleaner.withoutTrailingDate("Jane Doe | 2015-04-16"));
        assertEquals("By Jane Doe March 25, 2015", ContentCleaner.withoutTrailingDate("By Jane Doe March 25, 2015"));
        assertEquals("Jane Doe - Science Editor", ContentCleaner.withoutTrailingDate("Jane Doe - Science Editor"));
        assertEquals("Jane Doe - Mayfair Studio", ContentCleaner.withoutTrailingDate("Jane Doe - Mayfair Studio"));
    }

    /** Every string of up to five characters from spaces, line breaks, non-breaking and zero-width spaces and text. */
    @Test
    void textScanMeasuresAndFindsPlainTextsForEveryShortString() {
        char[] alphabet = {'a', ',', '\uFF0C', ' ', '\n', '\u00A0', '\u200B'};
        TextScan scan = new TextScan();
                java.util.regex.Pattern leading = java.util.regex.Pattern.compile("^[\\s\u00A0]+");
        java.util.regex.Pattern runs = java.util.regex.Pattern.compile("[\\s\u00A0]+");
        java.util.regex.Pattern ends = java.util.regex.Pattern.compile("^[\\s\u00A0\u200B]+|[\\s\u00A0\u200B]+$");
        java.util.regex.Pattern notSingleSpace = java.util.regex.Pattern.compile("[\\s\u00A0\u200B&&[^ ]]|  ");
        for (int length = 0; length <= 5; length++) {
            int count = (int) Math.pow(alphabet.length, length);
            for (int k = 0; k < count; k++) {
                StringBuilder b = new StringBuilder();
                for (int d = 0, rest = k; d < length; d++, rest /= alphabet.length) {
                    b.append(alphabet[rest % alphabet.length]);
                }
                String t = b.toString();
                scan.scan(t);
                String collapsed = runs.matcher(leading.matcher(t).replaceAll("")).replaceAll(" ");
                assertEquals(collapsed.length(), scan.len, t);
                assertEquals(t.replaceAll("[^,\uFF0C]", "").length(), scan.commas, t);
                // plain: what is left once the (renderer's) whitespace is trimmed off has only single spaces
                String trimmed = ends.matcher(t).replaceAll("");
                boolean plain = !notSingleSpace.matcher(trimmed).find() && t.indexOf('\u200B') < 0;
                assertEquals(plain, scan.plain, t.replace("\n", "\\n"));
            }
        }
    }

    @Test
    void rendererWritesPlainAndOtherTextsAlike() {
        Element body = Jsoup.parse("<p> one two </p><p>three\n four <b> five</b>six </p><div>\n</div><p>seven</p>"
                + "<span>eight </span><span> nine</span><span>ten\u200B</span>").body();
        PageTree tree = PageTree.of(body, null);
        String text = TextRenderer.render(tree, new int[] {tree.body()}, new boolean[tree.size()], 0);
        assertEquals("one two\nthree four fivesix\nseven\neight nineten", text);
    }

    @Test
    void exactAttributeLookUpsFindWhatLookUpsIgnoringCaseFind() throws Exception {
        Path page = ExtractionScore.pages(ExtractionScore.devSet()).get(0).resolve("source.html");
        Document doc = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8));
        Hints exact = Hints.forPage(doc);
        Hints ignoringCase = new Hints();
        int withAttributes = 0;
        for (Element e : doc.getAllElements()) {
            exact.read(e);
            ignoringCase.read(e);
            assertEquals(ignoringCase.count, exact.count);
            assertEquals(ignoringCase.className(), exact.className());
            assertEquals(List.of(ignoringCase.id, ignoringCase.href, ignoringCase.style, ignoringCase.role,
                    ignoringCase.rel, ignoringCase.itemprop, ignoringCase.ariaHidden, ignoringCase.hidden),
                    List.of(exact.id, exact.href, exact.style, exact.role, exact.rel, exact.itemprop,
                            exact.ariaHidden, exact.hidden));
            withAttributes += e.attributesSize() > 0 ? 1 : 0;
        }
        assertTrue(withAttributes > 100, "elements with attributes: " + withAttributes);
        // a parser that keeps the names' case: look-ups ignore case
        Document xml = Jsoup.parse("<div CLASS='x' Hidden=''></div>", "", Parser.xmlParser());
        Hints h = Hints.forPage(xml).read(xml.selectFirst("div"));
        assertEquals("x", h.className());
        assertTrue(h.hidden);
    }

    @Test
    void treeClassWeightsAreThoseOfTheElements() throws Exception {
        Element body = Jsoup.parse("<div class='story body' id='sidebar'><p class=' comment '>x</p>"
                + "<p id='main-content'>y</p><p class='hid'>z</p><p class='share-box'>w</p></div>").body();
        PageTree tree = PageTree.of(body, null);
        List<Integer> weights = new java.util.ArrayList<>();
        for (int i = tree.body(); i < tree.size(); i++) {
            if (!tree.isText(i)) {
                assertEquals(Hints.classWeight(tree.element(i)), tree.classWeight(i), tree.element(i).outerHtml());
                weights.add(tree.classWeight(i));
            }
        }
        assertEquals(List.of(0, 0, -25, 25, -25, -25), weights);
        Path page = ExtractionScore.pages(ExtractionScore.devSet()).get(1).resolve("source.html");
        PageTree dev = PageTree.of(Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8)).body(), null);
        for (int i = dev.body(); i < dev.size(); i++) {
            if (!dev.isText(i)) {
                Element e = dev.element(i);
                assertEquals(Hints.classWeight(e), dev.classWeight(i), () -> e.cssSelector());
            }
        }
    }
}
