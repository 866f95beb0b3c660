package io.carehub.notifier.token;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 6749 §5.1: {@code {"access_token", "token_type": "Bearer", "expires_in", "scope"}}. */
@Schema(name = "TokenResponse", description = "RFC 6749 §5.1")
public record TokenResponse(
        @Schema(name = "access_token", required = true, description = "an RS256 JWT: Authorization: Bearer <access_token>")
        String accessToken,
        @Schema(name = "token_type", required = true, enumeration = "Bearer") String tokenType,
        @Schema(name = "expires_in", required = true, description = "seconds the token is valid", example = "3600")
        long expiresIn,
        @Schema(required = true, description = "the scopes granted, space-separated", example = "all webhooks") String scope) {
}
