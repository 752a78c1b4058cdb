package dev.newsbatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExceptionsTest {
    @Test
    void theStatusDecidesTheKindOfGeminiError() {
        assertInstanceOf(GeminiQuotaException.class, GeminiException.of(429, "batches.create", null,
                Duration.ofSeconds(30), "RESOURCE_EXHAUSTED", null));
        assertInstanceOf(GeminiClientException.class, GeminiException.of(404, "batches.get", "batches/x", null,
                "NOT_FOUND", null));
        assertInstanceOf(GeminiServerException.class, GeminiException.of(503, "files.get", null, null,
                "UNAVAILABLE", null));
        assertInstanceOf(GeminiServerException.class, GeminiException.of(0, "files.upload", null, null,
                "connection reset", null));
    }

    @Test
    void aGeminiErrorCarriesItsFactsInFieldsAndMessage() {
        GeminiException e = GeminiException.of(429, "batches.create", "batches/abc", Duration.ofSeconds(7),
                "quota", null);
        assertEquals(429, e.status());
        assertEquals("batches.create", e.operation());
        assertEquals("batches/abc", e.jobId().orElseThrow());
        assertEquals(Duration.ofSeconds(7), e.retryDelay().orElseThrow());
        assertTrue(e.getMessage().contains("batches.create batches/abc failed with HTTP 429"), e.getMessage());
        assertInstanceOf(NewsbatchException.class, e);
    }

    @Test
    void everyExceptionUsersCatchIsANewsbatchException() {
        assertInstanceOf(NewsbatchException.class, new JobNotFoundException("batches/x", "no such job"));
        assertInstanceOf(NewsbatchException.class, new JobNotFinishedException("batches/x", JobState.RUNNING));
        assertInstanceOf(NewsbatchException.class, new InvalidInputException(java.util.List.of(
                new InputProblem(java.nio.file.Path.of("a.jsonl"), 3, 2, "contents", "field is missing"))));
    }

    @Test
    void tierNamesParseInTheirUsualSpellingsAndNameTheChoicesOtherwise() {
        assertEquals(Tier.TIER_1, Tier.parse("tier1"));
        assertEquals(Tier.TIER_2, Tier.parse("TIER_2"));
        assertEquals(Tier.TIER_3, Tier.parse("tier 3"));
        assertEquals(Tier.TIER_1, Tier.parse("1"));
        assertEquals(Tier.FREE, Tier.parse("Free"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tier.parse("gold"));
        assertTrue(e.getMessage().contains("tier must be one of free, tier1, tier2, tier3, was \"gold\""),
                e.getMessage());
    }
}
