package dev.newsbatch.ingest;

import java.io.IOException;
import java.io.InputStream;

/** Reads a response body up to a byte limit, and not a byte further than needed to tell it went over. */
final class LimitedBody {
    /** The body went over the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("body is larger than " + limit + " bytes");
        }
    }

    private LimitedBody() {}

    /**
     * All of {@code in}, at most {@code limit} bytes.
     *
     * @throws TooLarge if {@code in} has more than {@code limit} bytes
     */
    static byte[] read(InputStream in, long limit) throws IOException {
        byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (out.length > limit) {
            throw new TooLarge(limit);
        }
        return out;
    }
}
