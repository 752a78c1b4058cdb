/**
 * Helpers shared below the API, not part of it: argument checks, one-time notices, atomic file
 * writes, the {@link dev.newsbatch.internal.ArticleSource} a spec holds, and the
 * {@link dev.newsbatch.internal.RunService} interface through which the API reaches the orchestration
 * (found with {@link java.util.ServiceLoader}). Never imported from outside the sdk.
 *
 * <p>May import: the root package's values and exceptions, and the JDK.
 */
package dev.newsbatch.internal;
