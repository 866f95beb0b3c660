package io.carehub.notifier.token;

/**
 * A refusal of the token endpoint, answered with RFC 6749 §5.2's body
 * ({@code {"error", "error_description"}}), not the API's {@code errors} body.
 */
public final class OAuthError extends RuntimeException {

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_GRANT = "invalid_grant";
    public static final String INVALID_SCOPE = "invalid_scope";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";

    /**
     * What every refusal says until the assertion is known to be signed with its client's secret: an unknown,
     * disabled or deleted client, a bad signature or algorithm, a malformed assertion. It never tells which
     * secret was tried or whether the client exists.
     */
    public static final String NOT_VALID = "the assertion is not valid";

    private final String error;

    private OAuthError(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(INVALID_REQUEST, description);
    }

    public static OAuthError invalidGrant() {
        return new OAuthError(INVALID_GRANT, NOT_VALID);
    }

    /** Only for an assertion whose signature was verified: its sender holds the client's secret. */
    public static OAuthError invalidGrant(String description) {
        return new OAuthError(INVALID_GRANT, description);
    }

    public static OAuthError invalidScope(String description) {
        return new OAuthError(INVALID_SCOPE, description);
    }

    public static OAuthError unsupportedGrantType(String description) {
        return new OAuthError(UNSUPPORTED_GRANT_TYPE, description);
    }
}
