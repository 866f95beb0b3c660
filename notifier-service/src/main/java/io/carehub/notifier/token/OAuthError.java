package io.carehub.notifier.token;

/**
 * A refusal of the token endpoint, answered with RFC 6749 §5.2's body
 * ({@code {"error", "error_description"}}), not the API's {@code errors} body: {@code 400}, except
 * {@code invalid_client}, which is {@code 401} with {@code WWW-Authenticate: Basic} (RFC 6749 §5.2).
 */
public final class OAuthError extends RuntimeException {

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_CLIENT = "invalid_client";
    public static final String INVALID_GRANT = "invalid_grant";
    public static final String INVALID_SCOPE = "invalid_scope";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
    /** RFC 6749 §4.1.2.1's code for "try again later": the body of a 429 in RFC 6749's shape (API-CORE.md §C2). */
    public static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

    /**
     * What every refusal says until the assertion is known to be signed with its client's secret: an unknown,
     * disabled or deleted client, a bad signature or algorithm, a malformed assertion. It never tells which
     * secret was tried or whether the client exists.
     */
    public static final String NOT_VALID = "the assertion is not valid";

    /**
     * What the client credentials grant says of an unknown, disabled or deleted client and of a wrong secret alike:
     * nothing that tells a guesser whether the client_id exists.
     */
    public static final String CLIENT_NOT_AUTHENTICATED = "client authentication failed";

    private final String error;
    private final int status;

    private OAuthError(String error, int status, String description) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    /** 400, or 401 for {@code invalid_client}. */
    public int status() {
        return status;
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(INVALID_REQUEST, 400, description);
    }

    /** A client that did not authenticate: unknown, disabled or deleted, a wrong secret ({@link #CLIENT_NOT_AUTHENTICATED}). */
    public static OAuthError invalidClient() {
        return invalidClient(CLIENT_NOT_AUTHENTICATED);
    }

    /** Only for what says nothing of the client: a malformed {@code Authorization} header. */
    public static OAuthError invalidClient(String description) {
        return new OAuthError(INVALID_CLIENT, 401, description);
    }

    public static OAuthError invalidGrant() {
        return new OAuthError(INVALID_GRANT, 400, NOT_VALID);
    }

    /** Only for an assertion whose signature was verified: its sender holds the client's secret. */
    public static OAuthError invalidGrant(String description) {
        return new OAuthError(INVALID_GRANT, 400, description);
    }

    public static OAuthError invalidScope(String description) {
        return new OAuthError(INVALID_SCOPE, 400, description);
    }

    public static OAuthError unsupportedGrantType(String description) {
        return new OAuthError(UNSUPPORTED_GRANT_TYPE, 400, description);
    }
}
