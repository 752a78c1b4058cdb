package dev.newsbatch.app.rest;

import dev.newsbatch.JobNotFinishedException;
import dev.newsbatch.InvalidInputException;
import dev.newsbatch.JobNotFoundException;
import dev.newsbatch.RunBusyException;
import dev.newsbatch.RunConflictException;
import dev.newsbatch.RunNotFoundException;
import dev.newsbatch.GeminiException;
import dev.newsbatch.NewsbatchException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become responses: JSON {@code {error, field, detail}} with a status
 * that says whose fault it was. Bad input is 400/404/413, never 500; the Gemini key is redacted.
 *
 * <pre>{@code
 * app.exception(Exception.class, ErrorMapper::handle);
 * }</pre>
 */
final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {}

    static void register(Javalin app) {
        app.exception(Exception.class, ErrorMapper::handle);
        app.error(404, ErrorMapper::unmatched);
    }

    /** Unknown paths answer in the same JSON shape (404s of our own handlers are already JSON). */
    private static void unmatched(Context ctx) {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith("application/json")) {
            handle(RequestRejected.notFound(null, "no route for " + ctx.method() + " " + ctx.path()), ctx);
        }
    }

    static void handle(Exception e, Context ctx) {
        RequestRejected r = classify(e);
        if (r.status() >= 500 && r.status() != 501 && r.status() != 502) {
            LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), Secrets.redact(String.valueOf(e)), e);
        }
        if (r.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", r.error());
        body.put("field", r.field());
        body.put("detail", Secrets.redact(r.getMessage()));
        ctx.status(r.status()).json(body);
    }

    /** The rejection an exception stands for. */
    static RequestRejected classify(Exception e) {
        if (e instanceof RequestRejected r) {
            return r;
        }
        if (e instanceof JobNotFoundException nf) {
            return RequestRejected.notFound("job_id", nf.getMessage());
        }
        if (e instanceof RunNotFoundException nf) {
            return RequestRejected.notFound("batch_name", nf.getMessage());
        }
        if (e instanceof RunConflictException conflict) {
            return new RequestRejected(409, "run_conflict", "batch_name", conflict.getMessage());
        }
        if (e instanceof RunBusyException busy) {
            return new RequestRejected(409, "run_busy", "batch_name", busy.getMessage());
        }
        if (e instanceof InvalidInputException bad) {
            return new RequestRejected(400, "invalid_request", null, bad.getMessage());
        }
        if (e instanceof JobNotFinishedException nr) {
            return new RequestRejected(409, "not_ready", "job_id", nr.getMessage());
        }
        if (e instanceof GeminiException g) {
            return switch (g.status()) {
                case 404 -> RequestRejected.notFound("job_id", "job " + g.jobId().orElse("")
                        + " is not known to Gemini");
                case 429 -> new RequestRejected(429, "quota_exceeded", null, g.getMessage());
                default -> new RequestRejected(502, "upstream_error", null, g.getMessage());
            };
        }
        if (e instanceof NewsbatchException) {
            return new RequestRejected(500, "storage_error", null, e.getMessage());
        }
        if (e instanceof HttpResponseException h) {
            String code = h.getStatus() == 413 ? "payload_too_large" : h.getStatus() == 404 ? "not_found"
                    : h.getStatus() == 405 ? "method_not_allowed" : "http_" + h.getStatus();
            return new RequestRejected(h.getStatus(), code, h.getStatus() == 413 ? "body" : null, h.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return new RequestRejected(400, "invalid_request", null, e.getMessage());
        }
        if (e instanceof IllegalStateException) {
            return new RequestRejected(409, "conflict", null, e.getMessage());
        }
        if (e instanceof UnsupportedOperationException) {
            return new RequestRejected(501, "not_implemented", null, e.getMessage());
        }
        return new RequestRejected(500, "internal_error", null, "internal error; see the server log");
    }
}
