/**
 * The synchronous path: one call per article under a Resilience4j rate limiter, bounded concurrency,
 * retries honouring the server's delay, and a daily cap.
 *
 * <p>May import: the root package's values and exceptions, {@code internal}, {@code internal.retry}, and
 * {@code internal.gemini} for the one rule of what a Gemini call retries; Resilience4j.
 */
package dev.newsbatch.internal.realtime;
