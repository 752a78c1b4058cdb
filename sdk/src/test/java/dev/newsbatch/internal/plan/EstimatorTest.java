package dev.newsbatch.internal.plan;

import dev.newsbatch.Article;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.schema.Prompts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EstimatorTest {
    final RequestTemplate template = new RequestTemplate("gemini-2.5-flash",
            new Prompts("You are an analyst.", "Classify.\n{title}\n{contents}"), ClassificationSchema.news());

    @Test
    void calibratedEstimatorDividesCharactersByTheRatioAndAddsTheOverhead() {
        Article a = Article.of("a", "", "x".repeat(4_000));
        TokenEstimate e = TokenEstimator.calibrated().estimate(RequestTemplate.none(), a);

        // 4,000 + 2 template chars ("\n\n") at 4 chars/token = 1,001 (rounded up), + 8 overhead
        assertEquals(1_001 + 8, e.inputTokens());
        assertEquals(150, e.outputTokens());
    }

    @Test
    void calibratedEstimatorCountsTemplateSystemInstructionAndSchema() {
        Article a = Article.of("a", "T", "body");
        long bare = TokenEstimator.calibrated().estimate(RequestTemplate.none(), a).inputTokens();
        long full = TokenEstimator.calibrated().estimate(template, a).inputTokens();
        assertTrue(full > bare + 8, bare + " vs " + full);
    }

    @Test
    void ratioCanBeCalibratedFromAMeasuredSample() {
        CalibratedEstimator e = CalibratedEstimator.fromSample(3_500, 1_000).requestOverheadTokens(0);
        assertEquals(3.5, e.charsPerToken(), 1e-12);
        assertEquals(1_000, e.estimate(new RequestTemplate("", new Prompts("", "{contents}"), null),
                Article.of("a", "", "y".repeat(3_500))).inputTokens());
        assertThrows(IllegalArgumentException.class, () -> e.charsPerToken(0));
    }

    @Test
    void countingEstimatorCachesByContentHashAndCountsTheTemplateOnce() {
        List<String> asked = new ArrayList<>();
        CountingEstimator exact = TokenEstimator.counting((model, text) -> {
            asked.add(text);
            return text.length();
        }, "gemini-2.5-flash").requestsPerMinute(600_000);
        Article a = Article.of("a", "Title", "same body");
        Article copy = Article.of("b", "Title", "same body");

        TokenEstimate first = exact.estimate(template, a);
        TokenEstimate second = exact.estimate(template, copy);

        assertEquals(first, second);
        assertEquals(2, exact.counterCalls());
        assertEquals(template.fixedText().length() + RequestTemplate.articleText(a).length(), first.inputTokens());
        exact.estimate(template, Article.of("c", "Title", "another body"));
        assertEquals(3, asked.size());
    }

    @Test
    void countingEstimatorDescribesItselfAsExact() {
        assertTrue(TokenEstimator.counting((m, t) -> 1, "gemini-2.5-flash").describe().startsWith("countTokens"));
    }

    @Test
    void fixedEstimatorRejectsZeroInput() {
        String message = assertThrows(IllegalArgumentException.class, () -> TokenEstimator.fixed(0, 1)).getMessage();
        assertTrue(message.startsWith("inputTokens must be >= 1, was 0"), message);
    }
}
