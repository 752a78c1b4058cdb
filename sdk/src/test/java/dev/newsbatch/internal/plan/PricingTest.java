package dev.newsbatch.internal.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PricingTest {

    @Test
    void shippedTableHasTheGeminiFlashPrices() {
        ModelPricing flash = Pricing.defaults().model("gemini-2.5-flash");

        assertEquals(Rates.of(0.30, 2.50), flash.standard());
        assertEquals(Rates.of(0.15, 1.25), flash.batch());
        assertEquals(dev.newsbatch.internal.ModelCatalog.defaults().asOf(), Pricing.defaults().asOf());
        assertTrue(Pricing.defaults().source().startsWith("https://ai.google.dev/"));
    }

    @Test
    void shippedTableCoversTheRequiredModels() {
        assertTrue(Pricing.defaults().models().containsAll(java.util.List.of(
                "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-2.5-pro", "gemini-2.0-flash")));
    }

    @Test
    void proHasLongContextRatesAbove200kPromptTokens() {
        ModelPricing pro = Pricing.defaults().model("models/gemini-2.5-pro");

        assertEquals(200_000, pro.longContextThreshold());
        assertEquals(new Rates(1.25, 10.00, 2.50, 15.00), pro.standard());
        assertEquals(1.25 * 0.2 + 10.0 * 0.001, pro.cost(Mode.REALTIME, 200_000, 1_000), 1e-12);
        assertEquals(2.50 * 0.2 + 15.0 * 0.001, pro.cost(Mode.REALTIME, 200_001, 1_000), 1e-3);
    }

    @Test
    void overrideFileReplacesOnlyTheNumbersItGives(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("prices.json");
        Files.writeString(file, "{\"as_of\":\"2030-01-01\",\"models\":{\"gemini-2.5-flash\":{\"batch\":{\"input\":0.10}},"
                + "\"my-model\":{\"standard\":{\"input\":1,\"output\":2},\"batch\":{\"input\":0.5,\"output\":1}}}}");
        Pricing p = Pricing.defaults().withOverrides(file);

        assertEquals(Rates.of(0.10, 1.25), p.model("gemini-2.5-flash").batch());
        assertEquals(Rates.of(0.30, 2.50), p.model("gemini-2.5-flash").standard());
        assertEquals(Rates.of(1, 2), p.model("my-model").standard());
        assertEquals("2030-01-01", p.asOf());
        assertEquals(Rates.of(0.15, 1.25), Pricing.defaults().model("gemini-2.5-flash").batch());
    }

    @Test
    void overrideFileWithABadNumberNamesFileAndField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("prices.json");
        Files.writeString(file, "{\"models\":{\"gemini-2.5-flash\":{\"batch\":{\"input\":\"cheap\"}}}}");

        String message = assertThrows(IllegalArgumentException.class,
                () -> Pricing.defaults().withOverrides(file)).getMessage();
        assertTrue(message.contains("prices.json"), message);
        assertTrue(message.contains("models.gemini-2.5-flash.batch.input"), message);
    }

    @Test
    void malformedOverrideFileNamesTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("prices.json");
        Files.writeString(file, "{\n\"models\": {\n  oops\n}");

        String message = assertThrows(IllegalArgumentException.class,
                () -> Pricing.defaults().withOverrides(file)).getMessage();
        assertTrue(message.contains("prices.json line 3"), message);
    }

    @Test
    void withReplacesOneModelInACopy() {
        Pricing p0 = Pricing.defaults();
        Pricing p1 = p0.with(p0.model("gemini-2.5-flash").batch(Rates.of(0.01, 0.02)));

        assertNotSame(p0, p1);
        assertEquals(0.01, p1.model("gemini-2.5-flash").batch().input());
        assertEquals(0.15, p0.model("gemini-2.5-flash").batch().input());
    }

    @Test
    void unknownModelListsTheKnownOnes() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> Pricing.defaults().model("gpt-4")).getMessage();
        assertTrue(message.contains("gemini-2.5-flash") && message.contains("gpt-4"), message);
    }

    @Test
    void actualCostFromUsageTotals() {
        CostMeter meter = new CostMeter(Pricing.defaults().model("gemini-2.5-flash"), Mode.BATCH);
        for (int i = 0; i < 12_000; i++) {
            meter.add(2_800, 150);
        }
        assertEquals(7.29, meter.costUsd(), 1e-9);
        assertEquals(12_000, meter.requests());
    }
}
