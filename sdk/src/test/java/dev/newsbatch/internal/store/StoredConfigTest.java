package dev.newsbatch.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.Estimator;
import dev.newsbatch.RunConfig;
import dev.newsbatch.RunMode;
import dev.newsbatch.Tier;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoredConfigTest {
    @Test
    void aConfigReadsBackAsItWasWritten() {
        RunConfig c = RunConfig.ofDefaults(null).withName("oct").withModel("gemini-3.1-pro-preview").withTier(Tier.TIER_2)
                .withMode(RunMode.WAVES).withBatchSize(250).withEstimator(Estimator.fixed(2_800, 150))
                .withRpm(60).withDailyCap(400).withBudgetUsd(12.5).withMaxAttempts(5).withMaxInputTokens(200_000)
                .withDeadline(Duration.ofMinutes(90)).withPollInterval(Duration.ofSeconds(7));
        assertEquals(c, StoredConfig.read(StoredConfig.write(c)));
    }

    @Test
    void aSchemaGivenAsJsonIsRecordedWholeAndNewsSettingsCarryNoSchemaJson() {
        var topics = dev.newsbatch.schema.ClassificationSchema.fromJson(Path.of("../samples/topic_schema.json"));
        RunConfig c = RunConfig.ofDefaults(null).withName("topics").withSchema(topics);
        String json = StoredConfig.write(c);
        assertTrue(json.contains("\"schemaJson\":"), json);
        RunConfig back = StoredConfig.read(json);
        assertEquals(c, back);
        assertEquals(dev.newsbatch.schema.Answer.class, back.schema());
        assertSame(topics, back.classificationSchema());
        String news = StoredConfig.write(RunConfig.ofDefaults(null));
        assertFalse(news.contains("schemaJson"), news);
        assertEquals(null, StoredConfig.read(news).schemaJson());
    }

    @Test
    void settingsRecordedBeforeTheTypedConfigStillResume() {
        String legacy = "{\"model\":\"gemini-3.5-flash-lite\",\"mode\":\"continuous\",\"batchSize\":500,"
                + "\"schema\":\"dev.newsbatch.schema.NewsClassification\",\"systemInstruction\":\"Be brief.\","
                + "\"template\":\"T: {title}\\n{contents}\",\"tier\":\"tier2\",\"rpm\":\"30\",\"dailyCap\":\"0\","
                + "\"budgetUsd\":\"2.5\",\"maxAttempts\":\"4\"}";
        RunConfig c = StoredConfig.read(legacy);
        assertEquals("gemini-3.5-flash-lite", c.model());
        assertEquals(RunMode.CONTINUOUS, c.mode());
        assertEquals(Tier.TIER_2, c.tier());
        assertEquals(500, c.batchSize());
        assertEquals("T: {title}\n{contents}", c.prompts().template());
        assertEquals("Be brief.", c.prompts().systemInstruction());
        assertEquals(30, c.rpm());
        assertEquals(2.5, c.budgetUsd());
        assertEquals(4, c.maxAttempts());
        assertEquals(NewsClassification.class, c.schema());
        assertEquals(Estimator.calibrated(), c.estimator(), "a setting added since takes its default");
        assertEquals(RunConfig.DEFAULT_MAX_INPUT_TOKENS, c.maxInputTokens());
    }

    @Test
    void aSchemaClassThatIsNotOnTheClassPathReadsAsTheNewsSchema() {
        String json = StoredConfig.write(RunConfig.ofDefaults(Path.of("x"))).replace(
                NewsClassification.class.getName(), "jshell.Topic");
        assertEquals(NewsClassification.class, StoredConfig.read(json).schema());
    }

    @Test
    void unreadableSettingsSayWhatTheyAre() {
        LedgerException e = assertThrows(LedgerException.class, () -> StoredConfig.read("{\"batchSize\":0}"));
        assertTrue(e.getMessage().contains("unreadable") && e.getMessage().contains("batchSize"), e.getMessage());
    }
}
