package dev.newsbatch.app.rest;

/**
 * A request the API turned down: the HTTP status, a short error code, the field concerned (or null)
 * and what is wrong. The exception mapper writes it as {@code {error, field, detail}}.
 *
 * <pre>{@code
 * throw RequestRejected.badField("batch_name", "batch_name must match [A-Za-z0-9_.-]{1,64}, was \"a/b\"");
 * }</pre>
 */
public final class RequestRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final String field;

    public RequestRejected(int status, String error, String field, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
        this.field = field;
    }

    /** 400 for a field that is missing, of the wrong type or out of its rules. */
    public static RequestRejected badField(String field, String detail) {
        return new RequestRejected(400, "invalid_request", field, detail);
    }

    /** 404 for a job or run that does not exist. */
    public static RequestRejected notFound(String field, String detail) {
        return new RequestRejected(404, "not_found", field, detail);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** A short machine-readable code, e.g. {@code invalid_request}. */
    public String error() {
        return error;
    }

    /** The request field concerned, or null. */
    public String field() {
        return field;
    }

    @Override
    public String toString() {
        return "RequestRejected[" + status + ", " + error + (field == null ? "" : ", " + field) + ": " + getMessage()
                + "]";
    }
}
