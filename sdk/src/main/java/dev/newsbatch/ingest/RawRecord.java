package dev.newsbatch.ingest;

import java.util.Map;

/**
 * One record as read from a file, before validation. A field mapped to {@code null} was present but
 * unusable, and its problem has already been logged.
 */
record RawRecord(long line, long index, Map<String, String> fields) {}
