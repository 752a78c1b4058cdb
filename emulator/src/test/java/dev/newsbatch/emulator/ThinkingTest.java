package dev.newsbatch.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.genai.Client;
import com.google.genai.errors.ClientException;
import com.google.genai.types.BatchJob;
import com.google.genai.types.BatchJobSource;
import com.google.genai.types.Candidate;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.InlinedRequest;
import com.google.genai.types.Part;
import com.google.genai.types.Schema;
import com.google.genai.types.ServiceTier;
import com.google.genai.types.ThinkingConfig;
import com.google.genai.types.ThinkingLevel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thinking as billed: thinking tokens per the catalogue's dialect and expected tokens, counted in the total and
 * against maxOutputTokens; the prompt counts the system instruction and the response schema; the service tier.
 */
class ThinkingTest {
    static final String PROMPT = Articles.FINANCIAL;

    @TempDir
    Path dir;
    TestClock clock = TestClock.at("2026-03-01T10:00:00Z");
    GeminiEmulator emu;
    Client client;

    @BeforeEach
    void start() {
        emu = GeminiEmulator.start(EmulatorConfig.defaults().stateDir(dir.resolve("state")).clock(clock)
                .catalog(TestCatalog.write(dir)));
        client = Sdk.client(emu);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private GenerateContentResponse generate(String model, ThinkingConfig thinking) {
        GenerateContentConfig.Builder c = GenerateContentConfig.builder();
        if (thinking != null) {
            c.thinkingConfig(thinking);
        }
        return client.models.generateContent(model, PROMPT, c.build());
    }

    private static GenerateContentResponseUsageMetadata usage(GenerateContentResponse r) {
        return r.usageMetadata().orElseThrow();
    }

    private static long thoughts(GenerateContentResponse r) {
        return usage(r).thoughtsTokenCount().orElse(0);
    }

    private static ThinkingConfig budget(int n) {
        return ThinkingConfig.builder().thinkingBudget(n).build();
    }

    private static ThinkingConfig level(ThinkingLevel.Known level) {
        return ThinkingConfig.builder().thinkingLevel(new ThinkingLevel(level)).build();
    }

    private void assertInvalid(String fragment, org.junit.jupiter.api.function.Executable call) {
        ClientException e = assertThrows(ClientException.class, call);
        assertEquals(400, e.code());
        assertEquals("INVALID_ARGUMENT", e.status());
        assertTrue(e.message().contains(fragment), e.message());
    }

    @Test
    void aModelThatThinksByDefaultBillsTheDocumentedThinkingTokens() {
        GenerateContentResponse r = generate(TestCatalog.BUDGET, null);
        long expected = TestCatalog.thoughts(400, PROMPT);
        assertTrue(expected >= 300 && expected <= 500, "mean 400, spread 0.75..1.25: " + expected);
        assertEquals(expected, thoughts(r));
        var u = usage(r);
        assertEquals(u.promptTokenCount().orElseThrow() + u.candidatesTokenCount().orElseThrow() + expected,
                (long) u.totalTokenCount().orElseThrow());
        List<Part> parts = r.candidates().orElseThrow().get(0).content().orElseThrow().parts().orElseThrow();
        assertEquals(1, parts.size(), "no thought part unless asked for");
        assertFalse(parts.get(0).thought().orElse(false));
        assertEquals(expected, thoughts(generate(TestCatalog.BUDGET, budget(-1))), "-1 is the dynamic default");
        assertEquals(expected, thoughts(generate(TestCatalog.BUDGET, null)), "the same request, the same count");
    }

    @Test
    void aModelThatDoesNotThinkByDefaultReportsNoThoughtsField() {
        GenerateContentResponse r = generate(TestCatalog.LITE, null);
        assertTrue(usage(r).thoughtsTokenCount().isEmpty(), "omitted when 0");
        assertEquals(usage(r).promptTokenCount().orElseThrow() + usage(r).candidatesTokenCount().orElseThrow(),
                (int) usage(r).totalTokenCount().orElseThrow());
        assertEquals(TestCatalog.thoughts(300, PROMPT), thoughts(generate(TestCatalog.LITE, budget(-1))));
        assertTrue(usage(generate(TestCatalog.NONE, null)).thoughtsTokenCount().isEmpty());
    }

    @Test
    void budgetDialectHonoursBudgetsAndRefusesWhatTheModelCannotDo() {
        assertTrue(usage(generate(TestCatalog.BUDGET, budget(0))).thoughtsTokenCount().isEmpty(), "0 turns it off");
        assertEquals(10, thoughts(generate(TestCatalog.BUDGET, budget(10))), "min(n, the dynamic count)");
        assertEquals(TestCatalog.thoughts(400, PROMPT), thoughts(generate(TestCatalog.BUDGET, budget(1000))));
        assertInvalid("Budget 0 is invalid", () -> generate(TestCatalog.NO_OFF, budget(0)));
        assertInvalid("between 128 and 2000", () -> generate(TestCatalog.NO_OFF, budget(50)));
        assertInvalid("between 1 and 1000", () -> generate(TestCatalog.BUDGET, budget(1001)));
        assertInvalid("between 1 and 1000", () -> generate(TestCatalog.BUDGET, budget(-2)));
        assertInvalid("Thinking level is not supported", () -> generate(TestCatalog.BUDGET, level(ThinkingLevel.Known.LOW)));
        assertEquals(0, emu.stats().rateLimited());
    }

    @Test
    void levelDialectHonoursItsLevelsAndRefusesBothSettingsAtOnce() {
        assertEquals(TestCatalog.thoughts(500, PROMPT), thoughts(generate(TestCatalog.LEVEL, null)));
        assertEquals(TestCatalog.thoughts(100, PROMPT), thoughts(generate(TestCatalog.LEVEL, level(ThinkingLevel.Known.LOW))));
        assertEquals(TestCatalog.thoughts(10, PROMPT),
                thoughts(generate(TestCatalog.LEVEL, level(ThinkingLevel.Known.MINIMAL))));
        assertInvalid("Thinking level MEDIUM is not supported",
                () -> generate(TestCatalog.LEVEL, level(ThinkingLevel.Known.MEDIUM)));
        assertInvalid("You can only set one of thinking budget and thinking level",
                () -> generate(TestCatalog.LEVEL, ThinkingConfig.builder().thinkingBudget(100)
                        .thinkingLevel(new ThinkingLevel(ThinkingLevel.Known.LOW)).build()));
        assertEquals(50, thoughts(generate(TestCatalog.LEVEL, budget(50))), "a budget alone is still accepted");
    }

    @Test
    void aModelWithoutThinkingRefusesThinkingSettings() {
        assertInvalid("Thinking is not supported", () -> generate(TestCatalog.NONE, budget(100)));
        assertInvalid("Thinking is not supported", () -> generate(TestCatalog.NONE, level(ThinkingLevel.Known.LOW)));
        assertTrue(usage(generate(TestCatalog.NONE, budget(0))).thoughtsTokenCount().isEmpty());
    }

    @Test
    void thoughtPartsOnlyWhenIncludeThoughtsIsSet() {
        GenerateContentResponse r = generate(TestCatalog.BUDGET, ThinkingConfig.builder().includeThoughts(true).build());
        List<Part> parts = r.candidates().orElseThrow().get(0).content().orElseThrow().parts().orElseThrow();
        assertEquals(2, parts.size());
        assertTrue(parts.get(0).thought().orElse(false));
        assertFalse(parts.get(0).text().orElseThrow().isEmpty());
        assertEquals(parts.get(1).text().orElseThrow(), r.text(), "text() joins the answer parts only");
        assertEquals(TestCatalog.thoughts(400, PROMPT), thoughts(r));
    }

    @Test
    void thinkingSpendsMaxOutputTokensFirst() {
        GenerateContentConfig.Builder json = GenerateContentConfig.builder().responseMimeType("application/json");
        GenerateContentResponse free = client.models.generateContent(TestCatalog.BUDGET, PROMPT, json.build());
        long thoughts = thoughts(free);
        long answer = usage(free).candidatesTokenCount().orElseThrow();
        assertTrue(answer > 5);

        GenerateContentResponse cut = client.models.generateContent(TestCatalog.BUDGET, PROMPT,
                json.maxOutputTokens((int) thoughts + 5).build());
        Candidate c = cut.candidates().orElseThrow().get(0);
        assertEquals("MAX_TOKENS", c.finishReason().orElseThrow().toString());
        assertEquals(5, (int) usage(cut).candidatesTokenCount().orElseThrow());
        assertEquals(thoughts, thoughts(cut));
        assertTrue(free.text().startsWith(cut.text()));
        assertThrows(java.io.IOException.class, () -> Json.MAPPER.readTree(cut.text()), "cut JSON is not JSON");

        GenerateContentResponse none = client.models.generateContent(TestCatalog.BUDGET, PROMPT,
                json.maxOutputTokens((int) thoughts - 1).build());
        Candidate empty = none.candidates().orElseThrow().get(0);
        assertEquals("MAX_TOKENS", empty.finishReason().orElseThrow().toString());
        assertTrue(empty.content().flatMap(Content::parts).map(List::isEmpty).orElse(true), "no text parts");
        assertTrue(usage(none).candidatesTokenCount().isEmpty());
        assertEquals(thoughts - 1, thoughts(none), "thinking stops at the limit");

        assertInvalid("maxOutputTokens value of 8193", () -> client.models.generateContent(TestCatalog.BUDGET, PROMPT,
                GenerateContentConfig.builder().maxOutputTokens(8193).build()));
    }

    @Test
    void thePromptCountsTheSystemInstructionAndTheSchemaButCountTokensOnlyTheContents() {
        Schema schema = Schema.builder().type("OBJECT").properties(Map.of("sentiment",
                Schema.builder().type("STRING").build())).build();
        String system = "You classify news articles for a bank.";
        GenerateContentResponse r = client.models.generateContent(TestCatalog.NONE, PROMPT, GenerateContentConfig
                .builder().systemInstruction(Content.fromParts(Part.fromText(system))).responseMimeType("application/json")
                .responseSchema(schema).build());
        long schemaTokens = Tokens.of(Json.text(Json.parse(schema.toJson())));
        assertTrue(schemaTokens > 0);
        assertEquals(Tokens.of(PROMPT) + Tokens.of(system) + schemaTokens, (long) usage(r).promptTokenCount().orElseThrow());
        assertEquals(Tokens.of(PROMPT), (long) client.models.countTokens(TestCatalog.NONE, PROMPT, null)
                .totalTokens().orElseThrow());
    }

    @Test
    void batchLinesBillThinkingAndSchemaLikeRealTimeCalls() {
        GenerateContentConfig config = GenerateContentConfig.builder().responseMimeType("application/json")
                .responseJsonSchema(Json.MAPPER.convertValue(Json.parse(Articles.NEWS_SCHEMA), Map.class)).build();
        GenerateContentResponse live = client.models.generateContent(TestCatalog.BUDGET, PROMPT, config);
        BatchJob job = client.batches.create(TestCatalog.BUDGET, BatchJobSource.builder().inlinedRequests(List.of(
                InlinedRequest.builder().contents(Content.fromParts(Part.fromText(PROMPT))).config(config).build(),
                InlinedRequest.builder().contents(Content.fromParts(Part.fromText(PROMPT)))
                        .config(config.toBuilder().thinkingConfig(budget(5000)).build()).build())).build(), null);
        clock.advance(Duration.ofMinutes(5));
        var responses = client.batches.get(job.name().orElseThrow(), null).dest().orElseThrow().inlinedResponses()
                .orElseThrow();
        var line = usage(responses.get(0).response().orElseThrow());
        assertEquals(thoughts(live), (long) line.thoughtsTokenCount().orElseThrow());
        assertEquals(usage(live).promptTokenCount(), line.promptTokenCount());
        assertEquals(usage(live).totalTokenCount(), line.totalTokenCount());
        assertTrue(line.promptTokenCount().orElseThrow() > Tokens.of(PROMPT), "the schema counts");
        assertEquals(3, (int) responses.get(1).error().orElseThrow().code().orElseThrow(), "budget above the maximum");
    }

    @Test
    void flexTierIsAcceptedWhereTheModelHasItAndReported() {
        GenerateContentResponse flex = client.models.generateContent(TestCatalog.LEVEL, PROMPT, GenerateContentConfig
                .builder().serviceTier(new ServiceTier(ServiceTier.Known.FLEX)).build());
        assertEquals("ON_DEMAND_FLEX", usage(flex).trafficType().orElseThrow().toString());
        GenerateContentResponse standard = client.models.generateContent(TestCatalog.LEVEL, PROMPT, null);
        assertEquals("ON_DEMAND", usage(standard).trafficType().orElseThrow().toString());
        assertInvalid("flex service tier is not supported", () -> client.models.generateContent(TestCatalog.BUDGET,
                PROMPT, GenerateContentConfig.builder().serviceTier(new ServiceTier(ServiceTier.Known.FLEX)).build()));
    }
}
