package dev.newsbatch.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;

/** Streams the objects of a top-level JSON array with Jackson's {@link JsonParser}; memory stays flat. */
final class JsonArraySource implements RecordSource {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final JsonParser p;
    private final ProblemLog log;
    private boolean started;
    private boolean done;
    private long index = -1;

    JsonArraySource(Reader in, ProblemLog log) throws IOException {
        this.p = JSON.createParser(in);
        this.log = log;
    }

    @Override
    public RawRecord next() throws IOException {
        try {
            return advance();
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            log.add(line, index, null, JsonObjects.message(e));
            done = true;
            return null;
        }
    }

    private RawRecord advance() throws IOException {
        if (done) {
            return null;
        }
        if (!started) {
            started = true;
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_ARRAY) {
                log.add(p.currentTokenLocation().getLineNr(), -1, null,
                        t == null ? "is empty, expected a JSON array" : "must be a JSON array, starts with " + t);
                done = true;
                return null;
            }
        }
        while (true) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY) {
                done = true;
                if (p.nextToken() != null) {
                    log.add(p.currentTokenLocation().getLineNr(), -1, null, "has content after the closing ']'");
                }
                return null;
            }
            if (t == null) {
                log.add(p.currentLocation().getLineNr(), index, null, "malformed JSON: the array is not closed");
                done = true;
                return null;
            }
            index++;
            long line = p.currentTokenLocation().getLineNr();
            if (t != JsonToken.START_OBJECT) {
                log.add(line, index, null, "must be an object, was " + JsonObjects.describe(p, t));
                p.skipChildren();
                continue;
            }
            return new RawRecord(line, index, JsonObjects.read(p, log, line, index));
        }
    }

    @Override
    public void close() throws IOException {
        p.close();
    }
}
