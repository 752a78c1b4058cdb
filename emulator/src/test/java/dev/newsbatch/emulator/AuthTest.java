package dev.newsbatch.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.errors.ClientException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The API key header is required, and a configured key is the only one accepted. */
class AuthTest {

    @Test
    void requestWithoutKeyGetsPermissionDeniedLikeGoogle() {
        try (GeminiEmulator emu = GeminiEmulator.start(EmulatorConfig.defaults())) {
            HttpResponse<String> r = Sdk.get(emu, "/v1beta/files", null);
            assertEquals(403, r.statusCode());
            JsonNode error = Json.parse(r.body()).path("error");
            assertEquals("PERMISSION_DENIED", error.path("status").asText());
            assertTrue(error.path("message").asText().startsWith("Method doesn't allow unregistered callers"));
        }
    }

    @Test
    void anyNonEmptyKeyIsAcceptedByDefault() {
        try (GeminiEmulator emu = GeminiEmulator.start(EmulatorConfig.defaults())) {
            assertEquals(200, Sdk.get(emu, "/v1/files", "whatever").statusCode());
            assertEquals(200, Sdk.get(emu, "/v1beta/batches?key=via-query", null).statusCode());
        }
    }

    @Test
    void configuredKeyRefusesOthersWithApiKeyInvalid() {
        try (GeminiEmulator emu = GeminiEmulator.start(EmulatorConfig.defaults().apiKey("right"))) {
            ClientException e = assertThrows(ClientException.class,
                    () -> Sdk.client(emu, null, "wrong").models.countTokens(Sdk.defaultModel(), "x", null));
            assertEquals(400, e.code());
            assertEquals("INVALID_ARGUMENT", e.status());
            assertTrue(e.getMessage().contains("API_KEY_INVALID"), e.getMessage());
            assertEquals(1L, (long) Sdk.client(emu, null, "right").models.countTokens(Sdk.defaultModel(), "abcd", null)
                    .totalTokens().orElseThrow());
        }
    }
}
