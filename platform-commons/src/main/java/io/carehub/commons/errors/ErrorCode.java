package io.carehub.commons.errors;

/** The error codes of API.md §2, with the HTTP status and title each is answered with. */
public enum ErrorCode {
    PARSE_EXCEPTION(400, "Bad Request"),
    BAD_REQUEST(400, "Bad Request"),
    UNIQUENESS_EXCEPTION(400, "Bad Request"),
    UNAUTHORIZED(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not Found"),
    RESOURCE_NOT_FOUND(404, "Not Found"),
    METHOD_NOT_ALLOWED(405, "Method Not Allowed"),
    NOT_ACCEPTABLE(406, "Not Acceptable"),
    /** API-CORE.md §C8: a completed encounter and its assessments are final; a change to them is {@code 409 locked}. */
    LOCKED(409, "Conflict"),
    PAYLOAD_TOO_LARGE(413, "Payload Too Large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type"),
    TOO_MANY_REQUESTS(429, "Too Many Requests"),
    INTERNAL_SERVER_ERROR(500, "Internal Server Error"),
    SERVICE_UNAVAILABLE(503, "Service Unavailable");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The wire name: {@code parse_exception}, {@code bad_request}, ... */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
