package io.carehub.notifier.token;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.carehub.commons.security.Scopes;

/**
 * Which scopes an access token gets (API.md §1, Scopes): those the assertion asks for in {@code scope}
 * (space-separated), each of which must exist ({@link Scopes#exists}: {@code patients:read} or
 * {@code no_such_collection.read} do not) and be held by the client ({@link Scopes#covers}: {@code all}
 * covers every collection scope and {@code webhooks}, never {@code admin} or {@code operator}); or else all
 * of the client's.
 */
final class ScopeGrant {

    private ScopeGrant() {
    }

    /** @param requested the assertion's {@code scope} claim: null, or anything a JSON claim can be */
    static List<String> grant(List<String> clientScopes, Object requested) {
        if (requested == null) {
            return List.copyOf(clientScopes);
        }
        if (!(requested instanceof String text)) {
            throw OAuthError.invalidScope("scope must be a string of space-separated scopes");
        }
        if (text.isBlank()) {
            return List.copyOf(clientScopes);
        }
        Set<String> granted = new LinkedHashSet<>();
        for (String scope : text.strip().split("\\s+")) {
            if (!Scopes.exists(scope)) {
                throw OAuthError.invalidScope("unknown scope " + scope);
            }
            if (!Scopes.covers(clientScopes, scope)) {
                throw OAuthError.invalidScope("the client may not have the scope " + scope);
            }
            granted.add(scope);
        }
        return List.copyOf(granted);
    }
}
