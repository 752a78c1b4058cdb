package dev.newsbatch.ingest;

import java.io.Closeable;
import java.io.IOException;

/** Reads the raw records of one file in order, logging syntax problems as it goes. */
interface RecordSource extends Closeable {
    /** The next record, or {@code null} at the end (or when the rest of the file cannot be read). */
    RawRecord next() throws IOException;
}
