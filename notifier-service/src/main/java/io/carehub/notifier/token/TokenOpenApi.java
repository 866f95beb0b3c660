package io.carehub.notifier.token;

/** What the OpenAPI document says of the token endpoint ({@link TokenResource}): one place for both paths. */
final class TokenOpenApi {

    private TokenOpenApi() {
    }

    private static final String GRANTS = "Client credentials (RFC 6749 §4.4): grant_type=client_credentials, the client's"
            + " client_id and client_secret in the body or by HTTP Basic (RFC 6749 §2.3.1, the clientBasic scheme; not both),"
            + " optional scope (space-separated; default all the client's scopes). JWT-bearer (RFC 7523): grant_type="
            + TokenRequest.JWT_BEARER + " and an assertion signed HS256 with the client's secret. Either way the access"
            + " token is the same: an RS256 JWT with sub = client_id, tenant, environment (the one asked for by the optional"
            + " environment field, else the client's first), environments (all the client is granted), scope,"
            + " api_client_id, for expires_in seconds."
            + " Token requests are limited per client_id (both grants share one count) and per address.";

    static final String V1_DESCRIPTION = "API.md §1 and API-CORE.md §C2. " + GRANTS + " The body may also be a JSON object"
            + " with the same fields.";

    static final String OAUTH_DESCRIPTION = "API-CORE.md §C2: the same endpoint as /v1/token, in RFC 6749's words"
            + " throughout (every failure, a 429 too, has RFC 6749 §5.2's body). " + GRANTS
            + " The body is a form only.";

    static final String V1_BODY = "application/x-www-form-urlencoded (or a JSON object with the same fields)";

    static final String OAUTH_BODY = "application/x-www-form-urlencoded";

    static final String BAD_REQUEST = "RFC 6749 §5.2: invalid_request (a field missing or given twice, a body that is not"
            + " a form, client credentials both by Basic and in the body), unsupported_grant_type, invalid_scope (a scope"
            + " that does not exist or the client does not hold, or an environment it is not granted), invalid_grant (the JWT-bearer grant's assertion is not"
            + " valid: an unknown or disabled client, a bad signature, expired, wrong audience, a replayed jti)";

    static final String UNAUTHORIZED = "RFC 6749 §5.2 invalid_client (client credentials grant): an unknown, disabled or"
            + " deleted client, a wrong secret, or a malformed Basic header, with WWW-Authenticate: Basic realm=\"carehub\"";

    static final String RETRY_AFTER = "whole seconds until a request would be served (rounded up, at least 1)";

    static final String V1_TOO_MANY = "Too many token requests for this client_id or from this address. The client"
            + " credentials grant: RFC 6749's body, error temporarily_unavailable (API-CORE.md §C2). The JWT-bearer grant"
            + " (and a request of no known grant): the errors body of API.md §2, code too_many_requests, as v1 answered.";

    static final String OAUTH_TOO_MANY = "temporarily_unavailable: too many token requests for this client_id or from"
            + " this address (API-CORE.md §C2)";
}
