package io.carehub.notifier.token;

/** RFC 6749 §5.1: {@code {"access_token", "token_type": "Bearer", "expires_in", "scope"}}. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String scope) {
}
