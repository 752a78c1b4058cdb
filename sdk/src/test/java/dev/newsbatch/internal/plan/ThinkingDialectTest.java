package dev.newsbatch.internal.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.Article;
import dev.newsbatch.RunConfig;
import dev.newsbatch.Thinking;
import dev.newsbatch.internal.CatalogModel;
import dev.newsbatch.internal.ModelCatalog;
import dev.newsbatch.internal.ThinkingRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A thinking setting becomes the model's own dialect in every request line, or a clear error. */
class ThinkingDialectTest {
    static final Article A = Article.of("a1", "Rates rise", "The central bank raised rates by a quarter point.");

    static String line(String model, Thinking t) {
        return RequestTemplate.of(RunConfig.ofDefaults(Path.of("x")).withModel(model).withThinking(t)).line(A);
    }

    static CatalogModel first(ThinkingRules.Dialect dialect, boolean canDisable) {
        return ModelCatalog.defaults().all().stream()
                .filter(m -> m.thinking().dialect() == dialect && m.thinking().canDisable() == canDisable)
                .findFirst().orElseThrow();
    }

    @Test
    void gemini25TakesABudgetAndGemini3ALevelNeverBoth() {
        String flash = line("gemini-2.5-flash", Thinking.off());
        assertTrue(flash.contains("\"thinkingConfig\":{\"thinkingBudget\":0}"), flash);
        String pro = line("gemini-2.5-pro", Thinking.least());
        assertTrue(pro.contains("\"thinkingBudget\":128"), pro);
        String lite = line(RunConfig.DEFAULT_MODEL, Thinking.least());
        assertTrue(lite.contains("\"thinkingLevel\":\"MINIMAL\""), lite);
        assertFalse(lite.contains("thinkingBudget"), lite);
        String dynamic = line("gemini-2.5-flash", Thinking.budget(-1));
        assertTrue(dynamic.contains("\"thinkingBudget\":-1"), dynamic);
        String none = line("gemini-2.5-flash", Thinking.modelDefault());
        assertFalse(none.contains("thinkingConfig"), none);
    }

    @Test
    void whatAModelRefusesIsRefusedNamingWhatItTakes() {
        CatalogModel alwaysOn = first(ThinkingRules.Dialect.LEVEL, false);
        IllegalArgumentException off = assertThrows(IllegalArgumentException.class,
                () -> line(alwaysOn.id(), Thinking.off()));
        assertTrue(off.getMessage().contains("cannot turn thinking off") && off.getMessage().contains(alwaysOn.thinking().least()),
                off.getMessage());
        IllegalArgumentException budget = assertThrows(IllegalArgumentException.class,
                () -> line(alwaysOn.id(), Thinking.budget(1024)));
        assertTrue(budget.getMessage().contains("level"), budget.getMessage());
        IllegalArgumentException level = assertThrows(IllegalArgumentException.class,
                () -> line("gemini-2.5-flash", Thinking.level(Thinking.Level.LOW)));
        assertTrue(level.getMessage().contains("budget"), level.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> line("gemini-2.5-pro", Thinking.budget(64)));
        assertTrue(range.getMessage().contains("128"), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> line("gemini-2.5-pro", Thinking.off()));
    }

    @Test
    void theEstimateAddsTheAssumedThinkingOfTheSettingAsItsOwnLine() {
        CatalogModel flash = ModelCatalog.defaults().require("gemini-2.5-flash");
        long dynamic = flash.thinking().expectedTokens().get("default");
        Planner p = Planner.forModel("gemini-2.5-flash").estimator(TokenEstimator.fixed(2_000, 150));
        RunConfig c = RunConfig.ofDefaults(Path.of("x")).withModel("gemini-2.5-flash");
        Plan off = p.template(RequestTemplate.of(c.withThinking(Thinking.off()))).plan(java.util.List.of(A));
        Plan on = p.template(RequestTemplate.of(c.withThinking(Thinking.modelDefault()))).plan(java.util.List.of(A));
        assertEquals(150, off.outputTokens());
        assertEquals(150 + dynamic, on.outputTokens());
        assertEquals(dynamic, on.thinkingTokens());
        assertTrue(on.report().contains("thinking         model default: " + String.format("%,d", dynamic)), on.report());
    }

    @Test
    void aRunWhoseCostPassesTheMonthlySpendLimitIsFlaggedAndTheLimitsAreShown() {
        TierLimits t1 = TierLimits.preset("tier1");
        assertEquals(250.0, t1.spend().perMonthUsd());
        assertEquals(10.0, t1.spend().per10MinUsd());
        Planner p = Planner.forModel(RunConfig.DEFAULT_MODEL).estimator(TokenEstimator.fixed(2_800, 150))
                .tier(t1.spend(t1.spend().overriddenBy(0, 0.01)));
        Plan plan = p.plan(java.util.Collections.nCopies(100, A));
        assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("monthly spend limit")), plan.warnings().toString());
        assertTrue(plan.report().contains("per 10 min") && plan.report().contains("(OVER)"), plan.report());
        Plan fine = Planner.forModel(RunConfig.DEFAULT_MODEL).estimator(TokenEstimator.fixed(2_800, 150))
                .plan(java.util.Collections.nCopies(100, A));
        assertFalse(fine.warnings().stream().anyMatch(w -> w.contains("spend")), fine.warnings().toString());
    }

    @Test
    void aSpendLimit429IsToldApartFromARateLimit() {
        var spend = (dev.newsbatch.GeminiQuotaException) dev.newsbatch.GeminiException.of(429, "models.generateContent",
                null, java.time.Duration.ofMinutes(7), "RESOURCE_EXHAUSTED: Your project has reached its spend cap.", null);
        var rate = (dev.newsbatch.GeminiQuotaException) dev.newsbatch.GeminiException.of(429, "models.generateContent",
                null, null, "RESOURCE_EXHAUSTED: Quota exceeded for metric generate_content_requests_per_minute", null);
        assertTrue(spend.isSpendLimit());
        assertFalse(rate.isSpendLimit());
        assertTrue(spend.isRetryable());
    }

    @Test
    void thinkingParsesTheFormsTheCommandLineTakes() {
        assertEquals(Thinking.off(), Thinking.parse("off"));
        assertEquals(Thinking.budget(1024), Thinking.parse("1024"));
        assertEquals(Thinking.budget(-1), Thinking.parse("dynamic"));
        assertEquals(Thinking.level(Thinking.Level.LOW), Thinking.parse("LOW"));
        assertEquals(Thinking.least(), Thinking.parse("least"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Thinking.parse("banana"));
        assertTrue(bad.getMessage().contains("banana") && bad.getMessage().contains("minimal"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Thinking.parse("-5"));
    }
}
