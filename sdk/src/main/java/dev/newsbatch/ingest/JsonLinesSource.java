package dev.newsbatch.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/** Reads one JSON object per line; blank lines are skipped and a malformed line does not stop the rest. */
final class JsonLinesSource implements RecordSource {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final BufferedReader in;
    private final ProblemLog log;
    private long line;
    private long index = -1;

    JsonLinesSource(Reader in, ProblemLog log) {
        this.in = new BufferedReader(in, 64 * 1024);
        this.log = log;
    }

    @Override
    public RawRecord next() throws IOException {
        String text;
        while ((text = in.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            index++;
            try (JsonParser p = JSON.createParser(text)) {
                JsonToken t = p.nextToken();
                if (t != JsonToken.START_OBJECT) {
                    log.add(line, -1, null, "must be a JSON object, was " + JsonObjects.describe(p, t));
                    continue;
                }
                RawRecord r = new RawRecord(line, index, JsonObjects.read(p, log, line, -1));
                if (p.nextToken() != null) {
                    log.add(line, -1, null, "has content after the JSON object");
                    continue;
                }
                return r;
            } catch (JsonProcessingException e) {
                log.add(line, -1, null, JsonObjects.message(e));
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
