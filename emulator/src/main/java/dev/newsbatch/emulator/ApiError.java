package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A failure answered with Google's error body {@code {"error":{"code","message","status","details"}}}.
 * Thrown by handlers; the server turns it into the HTTP reply.
 */
final class ApiError extends RuntimeException {
    private final int httpStatus;
    private final String status;
    private final ArrayNode details;

    ApiError(int httpStatus, String status, String message, ArrayNode details) {
        super(message);
        this.httpStatus = httpStatus;
        this.status = status;
        this.details = details;
    }

    static ApiError invalidArgument(String message) {
        return new ApiError(400, "INVALID_ARGUMENT", message, null);
    }

    static ApiError failedPrecondition(String message) {
        return new ApiError(400, "FAILED_PRECONDITION", message, null);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "NOT_FOUND", message, null);
    }

    static ApiError alreadyExists(String message) {
        return new ApiError(409, "ALREADY_EXISTS", message, null);
    }

    /** The status name Google pairs with an HTTP code, for injected faults. */
    static ApiError ofHttpStatus(int code, String message) {
        return new ApiError(code, statusName(code), message, null);
    }

    static String statusName(int code) {
        switch (code) {
            case 400: return "INVALID_ARGUMENT";
            case 401: return "UNAUTHENTICATED";
            case 403: return "PERMISSION_DENIED";
            case 404: return "NOT_FOUND";
            case 408: return "DEADLINE_EXCEEDED";
            case 409: return "ABORTED";
            case 429: return "RESOURCE_EXHAUSTED";
            case 500: return "INTERNAL";
            case 501: return "NOT_IMPLEMENTED";
            case 502: return "UNAVAILABLE";
            case 503: return "UNAVAILABLE";
            case 504: return "DEADLINE_EXCEEDED";
            default: return "UNKNOWN";
        }
    }

    int httpStatus() {
        return httpStatus;
    }

    String status() {
        return status;
    }

    /** The JSON body Google sends for this error. */
    ObjectNode body() {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("code", httpStatus);
        error.put("message", getMessage());
        error.put("status", status);
        if (details != null && !details.isEmpty()) {
            error.set("details", details);
        }
        return root;
    }

    @Override
    public String toString() {
        return "ApiError[" + httpStatus + " " + status + ": " + getMessage() + "]";
    }
}
