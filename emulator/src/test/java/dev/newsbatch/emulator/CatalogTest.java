package dev.newsbatch.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.Client;
import com.google.genai.errors.ClientException;
import com.google.genai.types.BatchJobSource;
import com.google.genai.types.Content;
import com.google.genai.types.InlinedRequest;
import com.google.genai.types.ListModelsConfig;
import com.google.genai.types.Model;
import com.google.genai.types.Part;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which models exist comes from the model catalogue, with its lifecycle dates against the emulator's clock. */
class CatalogTest {
    @TempDir
    Path dir;
    TestClock clock = TestClock.at("2026-03-01T10:00:00Z");
    GeminiEmulator emu;
    Client client;

    @BeforeEach
    void start() {
        emu = GeminiEmulator.start(EmulatorConfig.defaults().stateDir(dir.resolve("state")).clock(clock)
                .catalog(TestCatalog.write(dir)));
        client = Sdk.client(emu, "v1beta", "test-key");
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private static BatchJobSource inline(String text) {
        return BatchJobSource.builder().inlinedRequests(List.of(InlinedRequest.builder()
                .contents(Content.fromParts(Part.fromText(text))).build())).build();
    }

    private void assertNotFound(String model, org.junit.jupiter.api.function.Executable call) {
        ClientException e = assertThrows(ClientException.class, call);
        assertEquals(404, e.code());
        assertEquals("NOT_FOUND", e.status());
        assertTrue(e.message().startsWith("models/" + model + " is not found for API version v1beta, or is not "
                + "supported for "), e.message());
        assertTrue(e.message().endsWith(". Call ListModels to see the list of available models and their supported "
                + "methods."), e.message());
    }

    @Test
    void unknownModelIsNotFoundForEveryMethod() {
        String m = "gemini-9-nonexistent";
        assertNotFound(m, () -> client.models.generateContent(m, "hi", null));
        assertNotFound(m, () -> client.models.countTokens(m, "hi", null));
        assertNotFound(m, () -> client.batches.create(m, inline("hi"), null));
        assertNotFound(m, () -> client.models.get(m, null));
        ClientException e = assertThrows(ClientException.class, () -> client.models.generateContent(m, "hi", null));
        assertEquals("models/" + m + " is not found for API version v1beta, or is not supported for generateContent. "
                + "Call ListModels to see the list of available models and their supported methods.", e.message());
        assertEquals(0, emu.stats().generateContentCalls());
        assertEquals(0, emu.stats().batchesCreated());
    }

    @Test
    void shutDownModelsAndModelsPastTheirShutdownDateAreNotFound() {
        for (String m : List.of(TestCatalog.GONE, TestCatalog.SUNSET)) {
            assertNotFound(m, () -> client.models.generateContent(m, "hi", null));
            assertNotFound(m, () -> client.models.countTokens(m, "hi", null));
            assertNotFound(m, () -> client.batches.create(m, inline("hi"), null));
            assertNotFound(m, () -> client.models.get(m, null));
        }
    }

    @Test
    void deprecatedPreviewAndStableModelsAreServedUntilTheirShutdownDate() {
        for (String m : List.of(TestCatalog.LAST_DAY, TestCatalog.PREVIEW, TestCatalog.BUDGET)) {
            assertTrue(client.models.generateContent(m, "hi", null).text().length() > 0, m);
            assertEquals(1, (int) client.models.countTokens(m, "abcd", null).totalTokens().orElseThrow());
            client.batches.create(m, inline("hi"), null);
        }
        clock.advance(java.time.Duration.ofDays(1));   // 2026-03-02: the last day has come
        assertNotFound(TestCatalog.LAST_DAY, () -> client.models.generateContent(TestCatalog.LAST_DAY, "hi", null));
    }

    @Test
    void batchOnAModelWithoutBatchIsInvalidArgument() {
        ClientException e = assertThrows(ClientException.class,
                () -> client.batches.create(TestCatalog.NONE, inline("hi"), null));
        assertEquals(400, e.code());
        assertEquals("INVALID_ARGUMENT", e.status());
        assertEquals(0, emu.stats().batchesCreated());
        assertTrue(client.models.generateContent(TestCatalog.NONE, "hi", null).text().length() > 0);
    }

    @Test
    void modelsListPagesThroughTheLiveModels() {
        List<String> names = new ArrayList<>();
        for (Model m : client.models.list(ListModelsConfig.builder().pageSize(2).build())) {
            names.add(m.name().orElseThrow());
        }
        assertEquals(List.of("models/t-budget", "models/t-last-day", "models/t-level", "models/t-lite",
                "models/t-no-off", "models/t-none", "models/t-preview"), names);
        JsonNode first = Json.parse(Sdk.get(emu, "/v1beta/models?pageSize=4", "k").body());
        assertEquals(4, first.path("models").size());
        String token = first.path("nextPageToken").asText();
        JsonNode last = Json.parse(Sdk.get(emu, "/v1beta/models?pageSize=4&pageToken=" + token, "k").body());
        assertEquals(3, last.path("models").size());
        assertFalse(last.has("nextPageToken"), "the last page carries no token");
    }

    @Test
    void modelsGetReturnsTheModelResource() {
        Model m = client.models.get(TestCatalog.LEVEL, null);
        assertEquals("models/t-level", m.name().orElseThrow());
        assertEquals(100000, (int) m.inputTokenLimit().orElseThrow());
        assertEquals(8192, (int) m.outputTokenLimit().orElseThrow());
        assertEquals(List.of("generateContent", "countTokens", "batchGenerateContent"),
                m.supportedActions().orElseThrow());
        assertTrue(m.thinking().orElseThrow());
        assertNotNull(m.displayName().orElseThrow());
        Model none = client.models.get("models/" + TestCatalog.NONE, null);
        assertFalse(none.thinking().orElseThrow());
        assertEquals(List.of("generateContent", "countTokens"), none.supportedActions().orElseThrow());
        JsonNode raw = Json.parse(Sdk.get(emu, "/v1/models/" + TestCatalog.NONE, "k").body());
        assertEquals(1000, raw.path("outputTokenLimit").asInt());
        assertTrue(raw.path("supportedGenerationMethods").isArray(), raw.toString());
    }

    @Test
    void theBuiltInCatalogueServesItsDefaultModel() {
        try (GeminiEmulator builtIn = GeminiEmulator.start(EmulatorConfig.defaults())) {
            String model = ModelCatalog.builtIn().defaultModel();
            Client c = Sdk.client(builtIn);
            assertTrue(c.models.generateContent(model, "hi", null).text().length() > 0);
            assertEquals("models/" + model, c.models.get(model, null).name().orElseThrow());
        }
    }
}
