package dev.newsbatch.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.Estimate;
import dev.newsbatch.RunMode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartsTest {
    @TempDir
    Path tmp;

    @Test
    void sentimentIsAnSvgWithTitleAxisNamesAndOneRectPerBarInNaturalOrder() throws Exception {
        Chart chart = Charts.sentiment(SampleResults.of(30, 0));
        Document svg = parse(chart);
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals("http://www.w3.org/2000/svg", svg.getDocumentElement().getNamespaceURI());
        assertEquals(List.of("Sentiment of 30 articles"), texts(svg, "title"));
        assertEquals(List.of("Sentiment", "Articles"), texts(svg, "axis-label"));
        assertEquals(List.of("Negative", "Neutral", "Positive"), texts(svg, "category"));
        assertEquals(List.of("10", "10", "10"), texts(svg, "value"));
        assertEquals(3, rects(svg, "bar").size());
        assertEquals(List.of("#c83e3e", "#8a939b", "#2e8b57"),
                rects(svg, "bar").stream().map(r -> r.getAttribute("fill")).toList());
        assertEquals("Chart[Sentiment of 30 articles, 3 bars, SVG]", chart.toString());
    }

    @Test
    void textIsLeftToTheBrowserInAGenericFontFamily() throws Exception {
        Element root = parse(Charts.sectors(SampleResults.of(30, 0))).getDocumentElement();
        assertTrue(root.getAttribute("font-family").endsWith("sans-serif"), root.getAttribute("font-family"));
        assertTrue(root.getAttribute("font-family").startsWith("system-ui"), root.getAttribute("font-family"));
        assertEquals(0, root.getElementsByTagName("image").getLength(), "no raster image inside");
        assertEquals("720", root.getAttribute("width"));
        assertEquals("0 0 720 " + root.getAttribute("height"), root.getAttribute("viewBox"));
    }

    @Test
    void confidenceShowsEveryScoreZeroToTenInScoreOrder() throws Exception {
        // Scores cycle 0..10 over 30 rows: 0..7 three times, 8..10 twice. Frequency order would put 0..7 first.
        Document svg = parse(Charts.confidence(SampleResults.of(30, 0)));
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), texts(svg, "category"));
        assertEquals(List.of("3", "3", "3", "3", "3", "3", "3", "3", "2", "2", "2"), texts(svg, "value"));
        assertEquals(11, rects(svg, "bar").size());
        assertEquals(List.of("Confidence scores of 30 classifications"), texts(svg, "title"));
        assertEquals(List.of("0", "1", "2", "3"), texts(svg, "tick"), "whole-number ticks up to the largest count");
    }

    @Test
    void confidenceKeepsZeroScoresAsEmptyBars() throws Exception {
        Document svg = parse(Charts.confidence(SampleResults.of(3, 0)));
        assertEquals(11, rects(svg, "bar").size());
        assertEquals(0.0, width(rects(svg, "bar").get(5)));
        assertTrue(width(rects(svg, "bar").get(0)) > 0);
    }

    @Test
    void numericFieldsAreInNumericOrder() throws Exception {
        Document svg = parse(Charts.field(SampleResults.of(30, 0), "confident_score", 4));
        List<String> categories = texts(svg, "category");
        assertEquals(4, categories.size());
        List<Integer> scores = categories.stream().map(Integer::parseInt).toList();
        assertEquals(scores.stream().sorted().toList(), scores, "ascending: " + categories);
    }

    @Test
    void linearBarsArePropotionalFromZero() throws Exception {
        Map<String, Integer> values = new LinkedHashMap<>();
        values.put("a", 10);
        values.put("b", 40);
        List<Element> bars = rects(parse(Charts.bars("Counts", values)), "bar");
        assertEquals(4.0, width(bars.get(1)) / width(bars.get(0)), 0.01);
    }

    @Test
    void costBySizeIsInSizeOrderOnALogScaleWithTrueLabels() throws Exception {
        Map<String, Estimate> bySize = new LinkedHashMap<>();
        bySize.put("1,000,000 articles", estimate(1_000_000, 206.0, 412.0));
        bySize.put("1,000 articles", estimate(1_000, 0.206, 0.412));
        bySize.put("100,000 articles", estimate(100_000, 20.6, 41.2));
        bySize.put("10,000 articles", estimate(10_000, 2.06, 4.12));
        Chart chart = Charts.costByMode(bySize);
        Document svg = parse(chart);

        assertEquals(List.of("1,000 articles", "10,000 articles", "100,000 articles", "1,000,000 articles"),
                texts(svg, "category"));
        assertEquals(List.of("$0.206", "$0.412", "$2.06", "$4.12", "$20.60", "$41.20", "$206", "$412"),
                texts(svg, "value"));
        assertEquals(List.of("Batch API", "Real-time"), texts(svg, "legend"));
        assertTrue(texts(svg, "axis-label").contains("Estimated cost (USD, log scale)"), texts(svg, "axis-label").toString());
        List<Element> bars = rects(svg, "bar");
        assertEquals(8, bars.size());
        double smallest = width(bars.get(0));
        double largest = width(bars.get(7));
        assertTrue(smallest >= 0.10 * largest, "smallest bar " + smallest + " px of " + largest);
        for (int i = 1; i < bars.size(); i++) {
            if (i % 2 == 1) {
                assertTrue(width(bars.get(i)) > width(bars.get(i - 1)), "real-time longer than batch");
            }
        }
        List<String> ticks = texts(svg, "tick");
        assertTrue(ticks.contains("$1") && ticks.contains("$10") && ticks.contains("$100"), ticks.toString());
        assertEquals("Chart[Cost by mode and batch size, 8 bars, SVG]", chart.toString());
    }

    @Test
    void costsOfOneSizeKeepTheMapsOrderOnALinearScale() throws Exception {
        Map<String, Estimate> byModel = new LinkedHashMap<>();
        byModel.put("pro", estimate(10_000, 3.0, 6.0));
        byModel.put("lite", estimate(10_000, 1.0, 2.0));
        Document svg = parse(Charts.costByMode(byModel));
        assertEquals(List.of("pro", "lite"), texts(svg, "category"));
        assertEquals(List.of("Estimate", "Estimated cost (USD)"), texts(svg, "axis-label"));
        List<Element> bars = rects(svg, "bar");
        assertEquals(3.0, width(bars.get(0)) / width(bars.get(2)), 0.01);
    }

    @Test
    void textWithMarkupAmpersandsAndQuotesIsEscaped() throws Exception {
        String nasty = "A <b>&</b> \"quoted\" 'chart'";
        Map<String, Integer> values = new LinkedHashMap<>();
        values.put("R&D <lab> \"x\"", 3);
        values.put("bell\u0007", 1);
        Chart chart = Charts.bars(nasty, "Team & <unit>", "Count \"n\"", values);
        String raw = chart.svg();
        assertFalse(raw.contains("<b>") || raw.contains("<lab>") || raw.contains("<unit>"), raw);
        Document svg = parse(chart);
        assertEquals(List.of(nasty), texts(svg, "title"));
        assertEquals(nasty, svg.getDocumentElement().getAttribute("aria-label"));
        assertEquals(List.of("R&D <lab> \"x\"", "bell\uFFFD"), texts(svg, "category"));
        assertEquals(List.of("Team & <unit>", "Count \"n\""), texts(svg, "axis-label"));
        assertEquals(Html.chart(chart), raw);
    }

    @Test
    void longLabelsAreCutWithAnEllipsisAndKeptWholeInTheTooltip() throws Exception {
        String name = "The Exceptionally Long Name Of A Holding Company Incorporated In Several Places";
        Document svg = parse(Charts.bars("Companies", Map.of(name, 2)));
        String label = texts(svg, "category").get(0);
        assertTrue(label.endsWith("…") && label.length() < name.length(), label);
        assertEquals(name + ": 2", rects(svg, "bar").get(0).getElementsByTagName("title").item(0).getTextContent());
    }

    @Test
    void savePngWritesTwiceTheSvgsSize() throws Exception {
        Chart chart = Charts.sentiment(SampleResults.of(30, 0));
        Path file = chart.save(tmp.resolve("charts/x.png"));
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(2 * chart.width(), image.getWidth());
        assertEquals(2 * chart.height(), image.getHeight());
        assertEquals(1440, image.getWidth());
        assertTrue(contains(image, 0xC83E3E) && contains(image, 0x2E8B57), "the sentiment colours");
        assertTrue(countRgb(image, 0x1F2328, 0, 0, 720, 80) > 100, "the title is drawn in ink");
        assertArrayEquals(Files.readAllBytes(file), chart.png());
    }

    @Test
    void saveSvgWritesTheSvg() throws Exception {
        Chart chart = Charts.bars("Counts", Map.of("a", 1, "b", 2));
        Path file = chart.save(tmp.resolve("x.SVG"));
        assertEquals(chart.svg(), Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void saveRefusesOtherFormatsNamingTheAcceptedOnes() {
        Chart chart = Charts.bars("Counts", Map.of("a", 1));
        for (String name : List.of("x.gif", "x", "x.svg.txt")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> chart.save(tmp.resolve(name)));
            assertTrue(e.getMessage().contains(name) && e.getMessage().contains(".svg") && e.getMessage().contains(".png"),
                    e.getMessage());
            assertFalse(Files.exists(tmp.resolve(name)));
        }
    }

    @Test
    void emptyResultsStillGiveAChartWithZeroBars() throws Exception {
        Chart chart = Charts.sentiment(SampleResults.of(0, 0));
        Document svg = parse(chart);
        assertEquals(List.of("0", "0", "0"), texts(svg, "value"));
        assertEquals(1440, ImageIO.read(new ByteArrayInputStream(chart.png())).getWidth());
        Document none = parse(Charts.sectors(SampleResults.of(0, 0)));
        assertEquals(0, rects(none, "bar").size());
        assertEquals(List.of("no data"), texts(none, "empty"));
    }

    @Test
    void chartsAreValuesThatPrintAsOneLine() {
        Chart a = Charts.bars("Counts", Map.of("a", 1));
        assertEquals(a, Charts.bars("Counts", Map.of("a", 1)));
        assertEquals(a.hashCode(), Charts.bars("Counts", Map.of("a", 1)).hashCode());
        assertEquals("Chart[Counts, 1 bar, SVG]", a.toString());
        assertEquals(1, a.bars());
    }

    @Test
    void chartsRejectBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.companies(SampleResults.of(1, 0), 0));
        assertTrue(e.getMessage().startsWith("n must be >= 1"), e.getMessage());
    }

    // ------------------------------------------------------------------ helpers

    private static Estimate estimate(long articles, double batchUsd, double realtimeUsd) {
        return new Estimate(articles, "gemini-2.5-flash", "tier1", RunMode.BATCH, "calibrated", 1, 1, 0, "off", 1, 1, 1,
                batchUsd, realtimeUsd, Double.NaN, null, Duration.ofMinutes(1), List.of(), "");
    }

    static Document parse(Chart chart) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(chart.svg().getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> texts(Document svg, String role) {
        List<String> out = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("class").equals(role)) {
                out.add(e.getTextContent());
            }
        }
        return out;
    }

    static List<Element> rects(Document svg, String role) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName("rect");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("class").equals(role)) {
                out.add(e);
            }
        }
        return out;
    }

    private static double width(Element rect) {
        return Double.parseDouble(rect.getAttribute("width"));
    }

    private static boolean contains(BufferedImage image, int rgb) {
        return countRgb(image, rgb, 0, 0, image.getWidth() / 2, image.getHeight() / 2) > 0
                || countRgb(image, rgb, 0, 0, image.getWidth(), image.getHeight()) > 0;
    }

    private static int countRgb(BufferedImage image, int rgb, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < Math.min(y1, image.getHeight()); y++) {
            for (int x = x0; x < Math.min(x1, image.getWidth()); x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }
}
