/**
 * The only code that touches {@code com.google.genai}: files, batches, generateContent and
 * countTokens through the official SDK, errors mapped to {@link dev.newsbatch.GeminiException}'s
 * kinds, connection settings (key, base URL) and the embedded-emulator default.
 *
 * <p>May import: the root package's values and exceptions, {@code internal}, the google-genai SDK.
 */
package dev.newsbatch.internal.gemini;
