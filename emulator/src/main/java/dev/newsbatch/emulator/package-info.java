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
 *
 * <h2>Models, thinking and what costs money</h2>
 * Which models exist comes from the newsbatch model catalogue ({@code /dev/newsbatch/catalog/models.json}, or
 * {@link dev.newsbatch.emulator.EmulatorConfig#catalog()} / {@code --catalog FILE}); only its documented shape is
 * read. A model not listed, with status {@code shut_down}, or whose {@code shutdown} date is on or before the
 * emulator clock's UTC date answers 404 NOT_FOUND ("models/X is not found for API version v1beta, or is not
 * supported for generateContent. Call ListModels ...") on generateContent, countTokens, batchGenerateContent and
 * models.get; deprecated, preview and stable models are served. {@code models.list} ({@code pageSize} default 50,
 * maximum 1000) and {@code models.get} answer the live models as REST {@code Model}s ({@code name},
 * {@code displayName}, {@code inputTokenLimit}, {@code outputTokenLimit}, {@code supportedGenerationMethods},
 * {@code thinking}). A batch for a model with {@code "batch": false} is 400.
 * <ul>
 * <li>Thinking ({@code generationConfig.thinkingConfig}) follows the model's {@code thinking.dialect}: budget
 *     ({@code thinkingBudget} -1 dynamic, 0 off only where {@code can_disable}, else within
 *     {@code budget_min..budget_max}; a {@code thinkingLevel} is 400), level ({@code thinkingLevel}, e.g. the SDK's
 *     {@code "LOW"}, one of {@code levels} ignoring case; a {@code thinkingBudget} alone is accepted; both at once
 *     is 400), none (a non-zero budget or any level is 400). Thinking tokens go to
 *     {@code usageMetadata.thoughtsTokenCount} (omitted when 0) and into {@code totalTokenCount}; thought parts
 *     ({@code "thought": true}) only with {@code includeThoughts}.</li>
 * <li>Thinking spends {@code maxOutputTokens} first: the visible text gets what is left and is cut (JSON then
 *     is invalid) with {@code finishReason} MAX_TOKENS; when thinking reaches the limit the candidate has no
 *     parts. A {@code maxOutputTokens} above the model's {@code output_token_limit} is 400.</li>
 * <li>{@code serviceTier} is read at the top level of the request, as the SDK sends it ({@code "flex"}); Flex on
 *     a model with {@code "flex": false} is 400. The tier is reported as {@code usageMetadata.trafficType}
 *     ({@code ON_DEMAND}, {@code ON_DEMAND_FLEX}, {@code ON_DEMAND_PRIORITY}), the only tier field of the SDK
 *     2.0.0's {@code GenerateContentResponseUsageMetadata}; batch lines report no tier.</li>
 * <li>Seeded content faults ({@link dev.newsbatch.emulator.Faults#blockedPromptRate blockedPromptRate},
 *     {@code safetyFinishRate}, {@code recitationFinishRate}, {@code spendLimitRate}; flags
 *     {@code --blocked-prompt-rate}, {@code --safety-finish-rate}, {@code --recitation-finish-rate},
 *     {@code --spend-limit-rate}) are drawn from the seed and a hash of the request, for real-time calls and
 *     batch lines alike.</li>
 * </ul>
 *
 * <h2>Assumed, not observed</h2>
 * <ul>
 * <li>The thinking count: {@code thoughts = round(mean * (0.75 + 0.5 * u))}, {@code u = (fnv1a64(text) >>> 11)
 *     * 2^-53} where {@code text} is every text part of {@code contents} joined with "\n" (UTF-8), and
 *     {@code mean = thinking.expected_tokens[setting]}: {@code default} with no setting on a model that thinks
 *     by default, or with budget -1; the level's name for a level (falling back to {@code default}); {@code off}
 *     (0) for budget 0; 0 for a model that does not think by default and got no setting, and for dialect none.
 *     An explicit budget {@code n > 0} gives {@code min(n, that value with mean = expected_tokens.default)}.</li>
 * <li>The prompt ({@code promptTokenCount}, quotas, batch timings) counts contents + system instruction + each
 *     response schema ({@code responseSchema}, {@code responseJsonSchema}) as the tokens of its compact JSON text
 *     as received. {@code countTokens} counts only what it is sent ({@code contents}).</li>
 * <li>Error texts: both thinking settings: "... You can only set one of thinking budget and thinking level.";
 *     budgets: "Budget 0 is invalid. This model only works in thinking mode." and "The thinking budget N is
 *     invalid. Please choose a value between MIN and MAX."; levels: "Thinking level X is not supported for
 *     models/M. ..."; output limit: "Unable to submit request because it has a maxOutputTokens value of N but
 *     the supported range is from 1 (inclusive) to L+1 (exclusive). ..."; Flex: "The flex service tier is not
 *     supported for models/M.".</li>
 * <li>The spend cap: 429 RESOURCE_EXHAUSTED "You exceeded your current quota, please check your plan and billing
 *     details. Your project has reached its spend cap. ..." (the first sentence is Google's generic 429 text)
 *     with ErrorInfo {@code SPEND_CAP_EXCEEDED}, Help and RetryInfo ({@code retryDelay} to the end of the current
 *     10-minute window of the clock); in a batch line, an error {@code {"code": 8, "message": ...}}.</li>
 * <li>Content faults: a blocked prompt has no candidates, {@code promptFeedback.blockReason} SAFETY or OTHER
 *     (half each) and usage of the prompt only; SAFETY and RECITATION finishes have a candidate without content
 *     (SAFETY with a blocked HARM_CATEGORY_DANGEROUS_CONTENT rating) and still bill thinking.</li>
 * </ul>
 */
package dev.newsbatch.emulator;
