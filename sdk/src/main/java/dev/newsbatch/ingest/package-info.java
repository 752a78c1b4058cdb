/**
 * Inputs: JSON array, JSONL and CSV files of articles checked with file, line and field; URL lists;
 * fetching pages politely over {@code java.net.http}; extracting an article's title and text with jsoup.
 *
 * <p>May import: the root package's values and exceptions, {@code internal}, jsoup, Jackson.
 */
package dev.newsbatch.ingest;
