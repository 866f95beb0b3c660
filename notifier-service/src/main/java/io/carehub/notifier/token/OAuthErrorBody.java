package io.carehub.notifier.token;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 6749 §5.2: {@code {"error": "...", "error_description": "..."}}. */
@Schema(name = "OAuthError", description = "RFC 6749 §5.2: the body of every refusal of the token endpoint")
public record OAuthErrorBody(
        @Schema(required = true, enumeration = { OAuthError.INVALID_REQUEST, OAuthError.INVALID_CLIENT, OAuthError.INVALID_GRANT,
                OAuthError.INVALID_SCOPE, OAuthError.UNSUPPORTED_GRANT_TYPE, OAuthError.TEMPORARILY_UNAVAILABLE }) String error,
        @Schema(name = "error_description", required = true, description = "what is wrong; never which secret was tried")
        String errorDescription) {
}
