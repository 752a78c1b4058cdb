package dev.newsbatch.app.rest;

import dev.newsbatch.Jobs;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Answers {@code GET /batch/status/<job_id>} for a job whose status is already in memory, in Jetty
 * ahead of the route table, and hands every other request to it unchanged. Polling a job is the one
 * request clients repeat many times a second; a cached answer needs no routing, request context or
 * exception mapping, and skipping them takes about a third off its cost. A request is answered here
 * only when the {@link AccessGuard} would let it pass and the job's answer is known
 * ({@link StatusCache#known}); the first request about a job, an unknown or malformed job id, a
 * missing token and any other method go on to the route, which answers them as it always does. The
 * answer is the route's: the same body, status and headers.
 *
 * <pre>{@code
 * cfg.jetty.modifyServer(server -> server.insertHandler(new CachedStatusHandler(statuses, guard)));
 * }</pre>
 */
final class CachedStatusHandler extends HandlerWrapper {
    /** The status route's path before its job id; {@link Routes} registers the route under it. */
    static final String PREFIX = "/batch/status/";

    private final StatusCache statuses;
    private final AccessGuard guard;
    private final LongAdder answered = new LongAdder();

    CachedStatusHandler(StatusCache statuses, AccessGuard guard) {
        this.statuses = statuses;
        this.guard = guard;
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        StatusCache.Answer a = answerable(base);
        if (a == null) {
            super.handle(target, base, request, response);
            return;
        }
        base.setHandled(true);
        answered.increment();   // before the answer leaves, so a client that has it sees it counted
        write(response, a.body());
    }

    /** The kept answer to this request, or null when the route table is to answer it. */
    private StatusCache.Answer answerable(Request r) {
        if (!HttpMethod.GET.is(r.getMethod())) {
            return null;
        }
        String path = r.getHttpURI().getPath();   // as sent: an id that needs decoding is not a job id here
        if (path == null || !path.startsWith(PREFIX)) {
            return null;
        }
        String id = path.substring(PREFIX.length());
        return Jobs.isGeminiJobId(id) && guard.admits(path, r.getHeader("Authorization"), r.getContentLengthLong())
                ? statuses.known(id) : null;
    }

    /**
     * Writes a status body as the response, straight from its bytes: copying it through a response
     * buffer of its own on every request would be most of what a polled route allocates.
     */
    static void write(HttpServletResponse response, byte[] body) throws IOException {
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Requests answered here so far. */
    long answered() {
        return answered.sum();
    }

    @Override
    public String toString() {
        return "CachedStatusHandler[" + answered.sum() + " answered, " + statuses + "]";
    }
}
