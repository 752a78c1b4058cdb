package dev.newsbatch;

/**
 * Where runs send their Gemini calls, as the environment decides it: {@code GOOGLE_GEMINI_BASE_URL}
 * (or the system property {@code newsbatch.gemini.baseUrl}) names an endpoint; else
 * {@code GOOGLE_API_KEY} or {@code GEMINI_API_KEY} means Google's Gemini API; else the emulator
 * embedded in this process answers, offline.
 *
 * <pre>{@code
 * Batches.endpoint();   // EMBEDDED_EMULATOR on a machine with no key
 * }</pre>
 */
public enum GeminiEndpoint {
    /** Google's Gemini API. */
    GEMINI_API,
    /** An endpoint named by {@code GOOGLE_GEMINI_BASE_URL}. */
    CUSTOM_ENDPOINT,
    /** The emulator started inside this process. */
    EMBEDDED_EMULATOR,
    /** Vertex AI batch prediction, with Cloud Storage ({@code GOOGLE_GENAI_USE_VERTEXAI=true}, or a spec's {@code vertex(..)}). */
    VERTEX_AI
}
