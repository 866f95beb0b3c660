package io.carehub.notifier.token;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fields of a token request, for the OpenAPI document only: {@link TokenRequest} reads the body itself (so that
 * every malformed one gets RFC 6749's answer, never the API's errors body).
 */
@Schema(name = "TokenRequest", description = "The fields of a token request; which are needed depends on grant_type")
record TokenForm(
        @Schema(name = "grant_type", required = true,
                enumeration = { TokenRequest.CLIENT_CREDENTIALS, TokenRequest.JWT_BEARER }) String grantType,
        @Schema(name = "client_id", description = "client_credentials: the client's id, unless given by HTTP Basic")
        String clientId,
        @Schema(name = "client_secret", description = "client_credentials: the client's secret, unless given by HTTP Basic;"
                + " never both ways", format = "password") String clientSecret,
        @Schema(name = "scope", description = "client_credentials: the scopes asked for, space-separated (default: all the"
                + " client's); each must exist and be the client's, else invalid_scope. The JWT-bearer grant takes scope"
                + " from the assertion's claim instead", example = "patients.read webhooks") String scope,
        @Schema(name = "assertion", description = "JWT-bearer: the JWT signed HS256 with the client's secret (iss = client_id,"
                + " aud = this endpoint's URL, exp at most an hour ahead; scope, environment, jti, iat optional)")
        String assertion,
        @Schema(name = "environment", description = "Either grant: the environment the token is to work in (API-CORE.md"
                + " §C1), one the client is granted, else invalid_scope; default the first it is granted. The JWT-bearer"
                + " grant also takes it from the assertion's environment claim (both, differing: invalid_request)",
                example = "sandbox") String environment) {
}
