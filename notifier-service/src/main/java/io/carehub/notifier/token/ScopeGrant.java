package io.carehub.notifier.token;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.carehub.commons.security.Scopes;

/**
 * Which scopes an access token gets (API.md §1, Scopes): those the assertion asks for in {@code scope}
 * (space-separated), each of which the client must hold, or else all of the client's. {@code all} covers
 * every {@code <collection>.read} and {@code <collection>.write}, but not {@code admin} nor {@code webhooks}.
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
            if (!Scopes.isWellFormed(scope)) {
                throw OAuthError.invalidScope("unknown scope " + scope);
            }
            if (!covers(clientScopes, scope)) {
                throw OAuthError.invalidScope("the client may not have the scope " + scope);
            }
            granted.add(scope);
        }
        return List.copyOf(granted);
    }

    static boolean covers(List<String> clientScopes, String scope) {
        if (clientScopes.contains(scope)) {
            return true;
        }
        boolean collectionScope = !Scopes.ALL.equals(scope) && !Scopes.ADMIN.equals(scope) && !Scopes.WEBHOOKS.equals(scope);
        return collectionScope && clientScopes.contains(Scopes.ALL);
    }
}
