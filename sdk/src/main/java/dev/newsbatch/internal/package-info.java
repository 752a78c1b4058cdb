/**
 * Helpers shared below the API, not part of it: argument checks, one-time notices, atomic file
 * writes, Parquet files ({@link dev.newsbatch.internal.ParquetFile}), the
 * {@link dev.newsbatch.internal.ArticleSource} a spec holds, the model catalogue
 * ({@link dev.newsbatch.internal.ModelCatalog}: status, limits and thinking rules of each model), the
 * one rule naming an answer's finish ({@link dev.newsbatch.internal.AnswerCheck}), and the
 * {@link dev.newsbatch.internal.RunService} interface through which the API reaches the orchestration
 * (found with {@link java.util.ServiceLoader}). Never imported from outside the sdk.
 *
 * <p>May import: the root package's values and exceptions, the JDK, Jackson (to read the catalogue), and
 * DuckDB's JDBC driver (optional; only {@code DuckDbAppend} names its types).
 */
package dev.newsbatch.internal;
