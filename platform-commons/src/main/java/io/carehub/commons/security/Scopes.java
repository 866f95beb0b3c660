package io.carehub.commons.security;

/**
 * The scopes of API.md §1. Access tokens carry them in {@code scope}; services read them as the token's
 * groups ({@code smallrye.jwt.path.groups=scope}), so endpoints say what they need with
 * {@code @RolesAllowed}.
 */
public final class Scopes {

    /** Everything except {@link #ADMIN}. */
    public static final String ALL = "all";
    /** The platform operator's: api_clients and the endpoints marked admin. */
    public static final String ADMIN = "admin";
    /** Manage the caller's own webhook subscriptions. */
    public static final String WEBHOOKS = "webhooks";

    private Scopes() {
    }

    public static String read(String collection) {
        return collection + ".read";
    }

    public static String write(String collection) {
        return collection + ".write";
    }

    /** Whether {@code scope} is one a client may hold: all, admin, webhooks or {@code <collection>.read|write}. */
    public static boolean isWellFormed(String scope) {
        return ALL.equals(scope) || ADMIN.equals(scope) || WEBHOOKS.equals(scope)
                || scope.matches("^[a-z_]+\\.(read|write)$");
    }
}
