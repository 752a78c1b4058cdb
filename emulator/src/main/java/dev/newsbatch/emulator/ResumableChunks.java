package dev.newsbatch.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chunks of a resumable upload as Google's upload protocol sends them (Cloud Storage objects, BigQuery
 * loads): {@code Content-Range: bytes FIRST-LAST/TOTAL} (or {@code /*} while the total is unknown) appends to
 * the session's part file, a chunk sent again is not appended twice, {@code bytes *}{@code /N} asks how much
 * arrived; 308 with {@code Range} until the last byte, then the caller finishes the upload.
 *
 * <pre>{@code
 * ResumableChunks.accept(call, part, () -> finish(call, part));
 * }</pre>
 */
final class ResumableChunks {
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern STATUS_QUERY = Pattern.compile("bytes \\*/(\\d+|\\*)");

    /** What completes an upload once its last byte is in the part file. */
    interface Finish {
        void run() throws IOException;
    }

    private ResumableChunks() {}

    /** Takes one chunk (or status query) of the upload whose bytes so far are in {@code part}. */
    static void accept(HttpCall call, Path part, Finish finish) throws IOException {
        String range = call.header("Content-Range");
        long have = Files.size(part);
        Matcher q = range == null ? null : STATUS_QUERY.matcher(range.trim());
        if (range == null || q.matches()) {
            if (call.body(Long.MAX_VALUE / 2).length > 0) {
                throw ApiError.invalidArgument("Content-Range is required with a body.");
            }
            if (q != null && !"*".equals(q.group(1)) && Long.parseLong(q.group(1)) == have) {
                finish.run();
                return;
            }
            incomplete(call, have);
            return;
        }
        Matcher m = RANGE.matcher(range.trim());
        if (!m.matches()) {
            throw ApiError.invalidArgument("Malformed Content-Range: " + range);
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        if (first > have) {
            throw ApiError.invalidArgument("Content-Range starts at " + first + " but " + have + " bytes were received.");
        }
        byte[] bytes = call.body(last - first + 1);
        long skip = have - first;
        if (skip < bytes.length) {
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.APPEND)) {
                out.write(bytes, (int) skip, bytes.length - (int) skip);
            }
        }
        long now = Files.size(part);
        if (!"*".equals(m.group(3)) && now == Long.parseLong(m.group(3))) {
            finish.run();
            return;
        }
        incomplete(call, now);
    }

    private static void incomplete(HttpCall call, long have) {
        if (have > 0) {
            call.setHeader("Range", "bytes=0-" + (have - 1));
        }
        call.replyEmpty(308);
    }
}
