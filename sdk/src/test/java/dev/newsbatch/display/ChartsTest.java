package dev.newsbatch.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.Estimate;
import dev.newsbatch.RunMode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    @TempDir
    Path tmp;

    @Test
    void sentimentChartIsAPngWithABarPerSentimentInItsColour() throws Exception {
        Chart chart = Charts.sentiment(SampleResults.of(30, 0));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
        assertEquals(720, image.getWidth());
        assertEquals(chart.height(), image.getHeight());
        assertTrue(contains(image, 0x43A047), "a green Positive bar");
        assertTrue(contains(image, 0xE53935), "a red Negative bar");
        assertEquals("Sentiment of 30 articles", chart.title());
    }

    @Test
    void sectorAndCompanyChartsTitleTheRealNumberOfBars() {
        assertEquals("Top 2 sectors of 30 articles", Charts.sectors(SampleResults.of(30, 0)).title());
        assertEquals("Top 3 companies in 30 articles", Charts.companies(SampleResults.of(30, 0), 10).title());
    }

    @Test
    void costByModeDrawsBatchAndRealtimeBars() throws Exception {
        Estimate e = new Estimate(1000, "gemini-2.5-flash", "tier1", RunMode.BATCH, "calibrated", 1, 1, 0, "off", 1, 1, 1,
                0.31, 0.63, Double.NaN, null, Duration.ofMinutes(1), List.of(), "");
        Map<String, Estimate> byLabel = new LinkedHashMap<>();
        byLabel.put("1k", e);
        byLabel.put("again", e);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Charts.costByMode(byLabel).png()));
        assertTrue(contains(image, 0x43A047) && contains(image, 0xFB8C00), "batch and real-time colours");
    }

    @Test
    void pixelFontDrawsLabelsWhenNoFontsAreUsable() throws Exception {
        BarChart chart = BarChart.single("Sentiment", List.of("Positive"), List.of(3.0), Charts.BLUE, null,
                v -> "3");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.with(TextPainter.pixel()).render().png()));
        int ink = 0;
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 200; x++) {
                ink += (image.getRGB(x, y) & 0xFFFFFF) == 0x212121 ? 1 : 0;
            }
        }
        assertTrue(ink > 50, "the title is drawn in pixels, was " + ink + " ink pixels");
    }

    @Test
    void pixelFontDropsAccentsAndReplacesUnknownCharacters() {
        assertEquals("ANATOLIA STEEL A.S. ?", PixelFont.drawable("Anatolia Steel A.Ş. €"));
    }

    @Test
    void saveWritesThePngAndToStringIsOneLine() throws Exception {
        Chart chart = Charts.bars("Counts", Map.of("a", 1, "b", 2));
        Path file = chart.save(tmp.resolve("charts/counts.png"));
        assertEquals(chart.png().length, Files.size(file));
        assertTrue(chart.toString().matches("Chart\\[Counts, 720x\\d+ PNG, \\d+\\.\\d kB]"), chart.toString());
        assertTrue(Html.chart(chart).startsWith("<img alt=\"Counts\""), Html.chart(chart));
    }

    @Test
    void emptyResultsStillGiveAChart() throws Exception {
        Chart chart = Charts.sentiment(SampleResults.of(0, 0));
        assertEquals(720, ImageIO.read(new ByteArrayInputStream(chart.png())).getWidth());
    }

    @Test
    void chartsRejectBadArguments() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Charts.companies(SampleResults.of(1, 0), 0));
        assertTrue(e.getMessage().startsWith("n must be >= 1"), e.getMessage());
    }

    private static boolean contains(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
