package io.carehub.notifier.token;

import java.util.List;

/**
 * Which environment an access token works in (API-CORE.md §C1): the one the token request asks for, which the client
 * must be granted ({@code invalid_scope} otherwise, as for a scope it does not hold), or else the first it is granted.
 */
final class EnvironmentGrant {

    /** The assertion claim the JWT-bearer grant may name its environment in, beside the request's field. */
    static final String CLAIM = "environment";

    private EnvironmentGrant() {
    }

    /** @param requested the request's {@code environment}: null or blank when it names none */
    static String grant(List<String> clientEnvironments, String requested) {
        if (requested == null || requested.isBlank()) {
            return clientEnvironments.get(0);
        }
        if (!clientEnvironments.contains(requested)) {
            throw OAuthError.invalidScope("the client is not granted the environment " + requested);
        }
        return requested;
    }
}
