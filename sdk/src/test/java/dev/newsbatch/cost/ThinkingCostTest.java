package dev.newsbatch.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.Batches;
import dev.newsbatch.Estimate;
import dev.newsbatch.ErrorKind;
import dev.newsbatch.Estimator;
import dev.newsbatch.ModelInfo;
import dev.newsbatch.ModelStatus;
import dev.newsbatch.Results;
import dev.newsbatch.RunConfig;
import dev.newsbatch.RunState;
import dev.newsbatch.Thinking;
import dev.newsbatch.emulator.Endpoint;
import dev.newsbatch.emulator.Faults;
import dev.newsbatch.emulator.GeminiEmulator;
import dev.newsbatch.internal.ModelCatalog;
import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.internal.gemini.LocalEmulator;
import dev.newsbatch.internal.plan.Mode;
import dev.newsbatch.internal.plan.Pricing;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bill against the emulator, which bills thinking, schema and system instruction as the real
 * service does: estimates within 10% of what was billed, thinking counted apart, retired and unknown
 * models refused before anything is sent, the drift check pausing a run that costs far more than
 * estimated, the Flex tier priced at its own rate. Counts are read at the emulator.
 */
class ThinkingCostTest {
    @TempDir
    Path tmp;
    LocalEmulator local;
    GeminiEmulator emulator;
    Path dir;

    @BeforeEach
    void start() throws Exception {
        local = LocalEmulator.start(tmp.resolve("emulator"), Duration.ofMillis(10));
        emulator = local.emulator();
        dir = Files.createDirectories(tmp.resolve("batch"));
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void theDefaultModelsEstimateIsWithinTenPercentOfWhatWasBilled() {
        var spec = Batches.from(SampleArticles.of(40)).directory(dir).name("default").batchSize(20);
        Estimate e = spec.estimate();
        Results<NewsClassification> r = spec.submit().await().collect();

        assertEquals(40, r.rows().size(), r.toString());
        assertEquals(RunConfig.DEFAULT_MODEL, e.model());
        assertWithin(e.inputTokens(), r.usage().inputTokens(), "input tokens");
        assertWithin(e.batchUsd(), r.usage().costUsd(), "cost");
    }

    @Test
    void aThinkingModelLeftToThinkIsEstimatedWithItsThinkingWithinTenPercent() {
        String model = thinkingModelWithFlex();
        var spec = Batches.from(SampleArticles.of(40)).directory(dir).name("thinks").batchSize(20).model(model)
                .thinking(Thinking.modelDefault());
        Estimate e = spec.estimate();
        Results<NewsClassification> r = spec.submit().await().collect();

        assertTrue(e.thinkingTokens() > 0, e.toString());
        assertTrue(r.usage().thinkingTokens() > 0, r.usage().toString());
        assertTrue(e.report().contains("thinking"), e.report());
        assertWithin(e.thinkingTokens(), r.usage().thinkingTokens(), "thinking tokens");
        assertWithin(e.outputTokens(), r.usage().outputTokens(), "output tokens");
        assertWithin(e.batchUsd(), r.usage().costUsd(), "cost");
    }

    @Test
    void aShutDownModelIsPricedForReferenceButRefusedBeforeAnyUpload() {
        var spec = Batches.from(SampleArticles.of(5)).directory(dir).model("gemini-2.5-flash");
        Estimate e = spec.estimate();
        assertTrue(e.warnings().stream().anyMatch(w -> w.contains("shut down")), e.warnings().toString());
        assertTrue(e.batchUsd() > 0);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, spec::submit);
        assertTrue(refused.getMessage().contains("shut down"), refused.getMessage());
        String replacement = Batches.models().stream().filter(m -> m.id().equals("gemini-2.5-flash")).findFirst()
                .orElseThrow().replacement();
        assertTrue(refused.getMessage().contains(replacement), refused.getMessage());
        assertEquals(0, emulator.stats().requests(Endpoint.UPLOAD_START));
        assertEquals(0, emulator.stats().batchesCreated());
    }

    @Test
    void anUnknownModelIsRefusedBeforeAnyUploadNamingTheKnownOnes() {
        var spec = Batches.from(SampleArticles.of(5)).directory(dir);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> spec.model("gemini-9-imaginary").submit());
        assertTrue(refused.getMessage().contains("catalogue") && refused.getMessage().contains(RunConfig.DEFAULT_MODEL),
                refused.getMessage());
        assertEquals(0, emulator.stats().totalRequests());
    }

    @Test
    void aThinkingSettingTheModelRefusesIsAClearErrorBeforeSubmission() {
        var spec = Batches.from(SampleArticles.of(5)).directory(dir).thinking(Thinking.budget(2048));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, spec::submit);
        assertTrue(refused.getMessage().startsWith("thinking:"), refused.getMessage());
        assertEquals(0, emulator.stats().totalRequests());
    }

    @Test
    void theDriftCheckPausesARunThatCostsFarMoreThanEstimatedAndAResumeWithoutItFinishes() {
        // An estimate of 10 input and 1 output token per article is far below what the emulator bills.
        // Jobs of 5 articles (50 tokens) under a 250-token limit: the first pass admits 4 (200 of 225).
        var spec = Batches.from(SampleArticles.of(40)).directory(dir).name("drift").batchSize(5).continuous()
                .estimator(Estimator.fixed(10, 1)).enqueuedTokens(250);
        var status = spec.submit().await().status();

        assertFalse(status.isFinished(), status.toString());
        assertEquals(4, emulator.stats().batchesCreated(), "only the first pass's jobs are sent before the check speaks");

        Results<NewsClassification> all = spec.costDriftFactor(0).submit().await().collect();
        assertEquals(40, all.rows().size(), all.toString());
        assertEquals(8, emulator.stats().batchesCreated());
    }

    @Test
    void aFlexRunIsPricedAtTheFlexRateAndRefusedOnAModelWithoutFlex() {
        String model = thinkingModelWithFlex();
        Results<NewsClassification> r = Batches.from(SampleArticles.of(6)).directory(dir).name("flex").model(model)
                .flex().submit().await().collect();
        var prices = Pricing.defaults().model(model);
        assertEquals(6, r.rows().size(), r.toString());
        double flex = prices.cost(Mode.FLEX, r.usage().inputTokens(), r.usage().outputTokens());
        assertEquals(flex, r.usage().costUsd(), 1e-9);
        assertTrue(flex < prices.cost(Mode.REALTIME, r.usage().inputTokens(), r.usage().outputTokens()));
        assertEquals(6, emulator.stats().requests(Endpoint.GENERATE_CONTENT));

        String noFlex = Batches.models().stream().filter(m -> m.status().isServed() && !m.flex()).findFirst()
                .orElseThrow().id();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Batches
                .from(SampleArticles.of(2)).directory(dir).name("noflex").model(noFlex).flex().submit());
        assertTrue(refused.getMessage().contains("Flex"), refused.getMessage());
    }

    @Test
    void anotherThinkingSettingOnANamedRunIsAConflictNotASecondSending() {
        Batches.from(SampleArticles.of(4)).directory(dir).name("fixed").submit().await();
        var conflict = assertThrows(dev.newsbatch.RunConflictException.class, () -> Batches.from(SampleArticles.of(4))
                .directory(dir).name("fixed").thinking(Thinking.level(Thinking.Level.HIGH)).submit());
        assertTrue(conflict.getMessage().contains("thinking"), conflict.getMessage());
        assertEquals(1, emulator.stats().batchesCreated());
    }

    @Test
    void safetyStopsInABatchAreTheirOwnKindAndAreNotSentAgain() {
        emulator.faults(Faults.none().seed(7).safetyFinishRate(1.0));
        Results<NewsClassification> r = Batches.from(SampleArticles.of(5)).directory(dir).name("unsafe").submit()
                .await().collect();
        assertEquals(5, r.errors().size(), r.toString());
        assertTrue(r.errors().stream().allMatch(e -> e.kind() == ErrorKind.SAFETY), r.errors().toString());
        assertEquals(1, emulator.stats().batchesCreated(), "a safety stop is not paid for again");
    }

    @Test
    void theCatalogueListsTheDefaultModelAsServedAndBatchCapable() {
        List<ModelInfo> models = Batches.models();
        ModelInfo def = models.stream().filter(m -> m.id().equals(RunConfig.DEFAULT_MODEL)).findFirst().orElseThrow();
        assertTrue(def.batch() && def.status() == ModelStatus.STABLE, def.toString());
        assertTrue(models.stream().anyMatch(m -> m.status() == ModelStatus.SHUT_DOWN && m.replacement() != null));
        List<ModelInfo> live = Batches.liveModels();
        assertTrue(live.stream().anyMatch(m -> m.id().equals(RunConfig.DEFAULT_MODEL)
                && m.origin() == ModelInfo.Origin.BOTH), live.toString());
    }

    /** The stable, batch-capable model with a Flex tier that thinks the most by default. */
    static String thinkingModelWithFlex() {
        java.time.LocalDate today = ModelCatalog.today();
        return ModelCatalog.defaults().all().stream()
                .filter(m -> m.statusOn(today) == ModelStatus.STABLE && m.batch() && m.flex() && m.thinking().onByDefault())
                .max(java.util.Comparator.comparingLong(m -> m.thinking().expectedTokens().getOrDefault("default", 0L)))
                .orElseThrow().id();
    }

    static void assertWithin(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= 0.10 * Math.max(expected, actual),
                what + ": estimate " + expected + " vs billed " + actual);
    }

}
