package dev.newsbatch.app.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The answers Jetty gives itself, before a request reaches a route (a path with {@code %00}, a malformed
 * request line or header), in the API's JSON shape {@code {error, field, detail}} instead of an HTML page.
 *
 * <pre>{@code
 * cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorPages()));
 * }</pre>
 */
final class JsonErrorPages extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json");
        response.getOutputStream().write(body(code, message));
    }

    static byte[] body(int status, String reason) {
        ObjectNode n = JSON.createObjectNode();
        boolean request = status == 400 || status == 414 || status == 431;
        n.put("error", status == 400 ? "invalid_request" : status == 408 ? "request_timeout" : "http_" + status);
        n.put("field", request ? "path" : null);
        String why = reason == null || reason.isBlank() ? "" : ": " + reason;
        n.put("detail", Secrets.redact(request ? "the request line or path is not valid" + why
                + " (no NUL, encoded '/' or '..' segments)" : "HTTP " + status + why));
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }
}
