package dev.newsbatch.internal.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeminiConnectionTest {
    @TempDir
    Path dir;

    @Test
    void anApiKeyMeansGooglesEndpointAndNoNotice() {
        List<String> notices = new ArrayList<>();
        try (GeminiConnection c = GeminiConnection.open(dir, Map.of("GEMINI_API_KEY", "k-secret"), notices::add)) {
            assertEquals(dev.newsbatch.GeminiEndpoint.GEMINI_API, c.kind());
            assertNull(c.baseUrl());
            assertFalse(c.toString().contains("k-secret"), c.toString());
        }
        assertTrue(notices.isEmpty());
    }

    @Test
    void aBaseUrlWinsOverTheKey() {
        try (GeminiConnection c = GeminiConnection.open(dir,
                Map.of("GOOGLE_API_KEY", "k", "GOOGLE_GEMINI_BASE_URL", "http://127.0.0.1:9"), m -> { })) {
            assertEquals(dev.newsbatch.GeminiEndpoint.CUSTOM_ENDPOINT, c.kind());
            assertEquals("http://127.0.0.1:9", c.baseUrl());
        }
    }

    @Test
    void neitherStartsTheEmbeddedEmulatorWithAOneLineNotice() {
        List<String> notices = new ArrayList<>();
        try (GeminiConnection c = GeminiConnection.open(dir, Map.of(), notices::add)) {
            assertEquals(dev.newsbatch.GeminiEndpoint.EMBEDDED_EMULATOR, c.kind());
            assertTrue(c.baseUrl().startsWith("http://127.0.0.1:"), c.baseUrl());
            assertTrue(c.gateway().listBatches(5).isEmpty());
        }
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).contains("embedded Gemini emulator"), notices.get(0));
    }
}
