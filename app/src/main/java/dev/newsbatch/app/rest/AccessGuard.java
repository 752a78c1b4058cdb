package dev.newsbatch.app.rest;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Runs before every route: requires {@code Authorization: Bearer <token>} on every path but
 * {@code /health} when a token is set, and turns away bodies whose declared length is over the limit.
 *
 * <pre>{@code
 * before(new AccessGuard(settings)::check);
 * }</pre>
 */
final class AccessGuard {
    private final byte[] token;
    private final long maxBodyBytes;

    AccessGuard(ApiSettings settings) {
        this.token = settings.token() == null ? null : settings.token().getBytes(StandardCharsets.UTF_8);
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    void check(Context ctx) {
        String header = ctx.header("Authorization");
        if (!authorized(ctx.path(), header)) {
            throw new RequestRejected(401, "unauthorized", "Authorization",
                    "Authorization must be \"Bearer <NEWSBATCH_API_TOKEN>\", was " + (header == null ? "missing"
                            : "a wrong token"));
        }
        if (ctx.req().getContentLengthLong() > maxBodyBytes) {
            throw RequestBodies.tooLarge(maxBodyBytes);
        }
    }

    /** Whether {@link #check} lets a request with this path, Authorization header and declared length pass. */
    boolean admits(String path, String authorization, long declaredLength) {
        return authorized(path, authorization) && declaredLength <= maxBodyBytes;
    }

    private boolean authorized(String path, String header) {
        if (token == null || "/health".equals(path)) {
            return true;
        }
        byte[] given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        return MessageDigest.isEqual(given, token);
    }
}
