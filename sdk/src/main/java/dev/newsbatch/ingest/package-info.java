/**
 * Inputs: JSON array, JSONL and CSV files of articles checked with file, line and field; URL lists;
 * fetching pages politely over OkHttp; extracting an article's title and text with jsoup.
 *
 * <p>May import: the root package's values and exceptions, {@code internal}, jsoup, Jackson, OkHttp.
 */
package dev.newsbatch.ingest;
