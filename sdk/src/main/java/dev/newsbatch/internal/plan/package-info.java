/**
 * The numbers: the model catalogue's dated prices and tier limits (data files, not code), token
 * estimation, the request template that renders and measures a request, plans (batches, waves,
 * time), the cost path (each request priced on its own) and admission under quotas and budgets.
 *
 * <p>May import: the root package's values, {@code dev.newsbatch.schema}, {@code dev.newsbatch.internal}.
 */
package dev.newsbatch.internal.plan;
