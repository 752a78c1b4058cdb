package dev.newsbatch.app.rest;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3 description of the API, written by hand next to the route table and served at
 * {@code /openapi.json}; Swagger UI at {@code /docs} reads it. {@code RestApiTest} compares its
 * operations (method and path) with the routes the server registered, both ways.
 *
 * <pre>{@code
 * get("/openapi.json", OpenApiDocument.load()::serve);
 * }</pre>
 */
final class OpenApiDocument {
    private static final String RESOURCE = "openapi.json";
    private final byte[] json;

    private OpenApiDocument(byte[] json) {
        this.json = json;
    }

    static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing next to "
                        + OpenApiDocument.class);
            }
            return new OpenApiDocument(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    void serve(Context ctx) {
        ctx.contentType("application/json").result(json);
    }

    @Override
    public String toString() {
        return "OpenApiDocument[" + json.length + " bytes]";
    }
}
