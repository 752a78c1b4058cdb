/**
 * The classification schema: the news record {@link dev.newsbatch.schema.NewsClassification}, the
 * {@link dev.newsbatch.schema.Field} annotation for custom record schemas, the prompts, and the
 * response schema and validation built from a record type, and schemas given as JSON
 * ({@link dev.newsbatch.schema.ClassificationSchema#fromJson}) whose rows are
 * {@link dev.newsbatch.schema.Answer}s. Part of the API.
 *
 * <p>May import: {@code dev.newsbatch.internal} (argument checks) and Jackson.
 */
package dev.newsbatch.schema;
