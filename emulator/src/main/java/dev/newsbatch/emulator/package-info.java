/**
 * A local stand-in for the Gemini Developer API, for offline runs, tests and demos.
 *
 * <p>Start one with {@link dev.newsbatch.emulator.GeminiEmulator#start(EmulatorConfig)} and point the
 * official {@code google-genai} client's base URL at {@link dev.newsbatch.emulator.GeminiEmulator#baseUrl()};
 * or run {@link dev.newsbatch.emulator.EmulatorMain} as a server. Wire details follow the SDK 2.0.0 jar and the
 * REST reference: batches answer as long-running Operations with {@code BATCH_STATE_*} states, list replies use
 * {@code operations}/{@code files} and omit {@code nextPageToken} on the last page, uploads use the resumable
 * protocol with the {@code X-Goog-Upload-URL} header, errors use Google's {@code {"error":{...}}} body.
 *
 * <pre>{@code
 * GeminiEmulator emu = GeminiEmulator.start(EmulatorConfig.defaults().port(0).stateDir(Path.of("state")));
 * emu.faults(Faults.none().errorRate(Endpoint.GENERATE_CONTENT, 0.1, 503));
 * System.out.println(emu.stats());
 * emu.close();
 * }</pre>
 *
 * <p>Token counts everywhere are {@code ceil(code points / 4)} per text part (258 per non-text part).
 */
package dev.newsbatch.emulator;
