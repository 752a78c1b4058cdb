package dev.newsbatch.internal.engine;

import dev.newsbatch.ErrorKind;

/**
 * One parsed line of a batch results file.
 *
 * <pre>{@code
 * ResultFileReader.read(path, schema, line -> System.out.println(line.key() + " " + line.ok()));
 * }</pre>
 *
 * @param lineNumber   1-based line number in the file
 * @param key          the request key, or null when the line was unreadable
 * @param answer       the answer JSON text when valid, else null
 * @param errorKind    why there is no valid answer, or null
 * @param error        details of the error, or null
 * @param inputTokens  prompt tokens billed
 * @param outputTokens answer tokens billed (thinking included)
 * @param thinkingTokens of the output, the thinking tokens
 */
public record ResultLine(long lineNumber, String key, String answer, ErrorKind errorKind, String error,
                         long inputTokens, long outputTokens, long thinkingTokens) {
    /** A line without usage. */
    public ResultLine(long lineNumber, String key, String answer, ErrorKind errorKind, String error,
                      long inputTokens, long outputTokens) {
        this(lineNumber, key, answer, errorKind, error, inputTokens, outputTokens, 0);
    }

    /** This line under {@code key} (a label mapped back to its request key). */
    public ResultLine withKey(String key) {
        return key.equals(this.key) ? this
                : new ResultLine(lineNumber, key, answer, errorKind, error, inputTokens, outputTokens, thinkingTokens);
    }

    /** True when the line holds a schema-valid answer. */
    public boolean ok() {
        return errorKind == null;
    }
}
