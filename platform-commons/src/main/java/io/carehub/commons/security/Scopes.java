package io.carehub.commons.security;

import java.util.Collection;

/**
 * The scopes of API.md §1. Access tokens carry them in {@code scope}; services read them as the token's
 * groups ({@code smallrye.jwt.path.groups=scope}), so endpoints say what they need with
 * {@code @RolesAllowed}.
 * <p>
 * A scope exists only if it is one of {@link #ALL}, {@link #ADMIN}, {@link #OPERATOR}, {@link #WEBHOOKS} or
 * {@code <c>.read}/{@code <c>.write} of a data collection c ({@link ApiCollections#DATA}); anything else
 * ({@code no_such_collection.read}, {@code patients:read}, {@code PATIENTS.read}, {@code patients.delete}) is
 * refused wherever a scope is asked for or granted.
 */
public final class Scopes {

    /** Everything except {@link #ADMIN} and {@link #OPERATOR}: every data collection's read and write, and webhooks. */
    public static final String ALL = "all";
    /** Within the caller's tenant: its api_clients and the endpoints marked admin. */
    public static final String ADMIN = "admin";
    /** The platform operator's: api_clients of every tenant. Granted only by an operator. */
    public static final String OPERATOR = "operator";
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

    /** Whether {@code scope} exists: all, admin, operator, webhooks or {@code <data collection>.read|write}. */
    public static boolean exists(String scope) {
        if (scope == null) {
            return false;
        }
        if (ALL.equals(scope) || ADMIN.equals(scope) || OPERATOR.equals(scope) || WEBHOOKS.equals(scope)) {
            return true;
        }
        int dot = scope.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String action = scope.substring(dot + 1);
        return ("read".equals(action) || "write".equals(action)) && ApiCollections.DATA.contains(scope.substring(0, dot));
    }

    /**
     * Whether a client holding {@code held} holds {@code scope}: it holds it itself, or it holds {@code all} and
     * {@code scope} is a data collection's read or write, or webhooks. {@code all} never covers admin or operator.
     */
    public static boolean covers(Collection<String> held, String scope) {
        if (held.contains(scope)) {
            return true;
        }
        boolean coveredByAll = WEBHOOKS.equals(scope)
                || (exists(scope) && !ALL.equals(scope) && !ADMIN.equals(scope) && !OPERATOR.equals(scope));
        return coveredByAll && held.contains(ALL);
    }

    /**
     * Whether a client holding {@code held} may read {@code collection} (Get, Find, and so hear of its changes):
     * a data collection with {@code all} or {@code <c>.read}; api_clients, security_policies and roles with admin or
     * operator;
     * webhook_subscriptions (its own) with webhooks or all.
     */
    public static boolean canRead(Collection<String> held, String collection) {
        if (ApiCollections.ADMINISTERED.contains(collection)) {
            return held.contains(ADMIN) || held.contains(OPERATOR);
        }
        if (ApiCollections.WEBHOOK_SUBSCRIPTIONS.equals(collection)) {
            return held.contains(WEBHOOKS) || held.contains(ALL);
        }
        return ApiCollections.DATA.contains(collection) && (held.contains(ALL) || held.contains(read(collection)));
    }
}
