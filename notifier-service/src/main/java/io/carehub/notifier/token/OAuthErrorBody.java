package io.carehub.notifier.token;

/** RFC 6749 §5.2: {@code {"error": "...", "error_description": "..."}}. */
public record OAuthErrorBody(String error, String errorDescription) {
}
