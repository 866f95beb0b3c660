package io.carehub.notifier.client;

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.errors.ErrorCode;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;

/**
 * What a caller of {@code /v1/api_clients} may reach (API.md §1, §4): with {@code operator}, the clients of
 * every tenant; with {@code admin} only, those of its own tenant (another tenant's client is {@code 404},
 * indistinguishable from none). Only an operator may make a client in another tenant, give a client the
 * {@code operator} scope, or change a client that holds it: else an admin could rotate the operator's secret
 * and become it.
 *
 * @param tenant the caller's tenant
 * @param operator whether it holds {@code operator}
 */
record ApiClientAccess(String tenant, boolean operator) {

    static ApiClientAccess of(Caller caller) {
        return new ApiClientAccess(caller.tenant(), caller.has(Scopes.OPERATOR));
    }

    /** The tenant every query is confined to; null for the operator, who reaches every tenant. */
    String confinedTo() {
        return operator ? null : tenant;
    }

    void mayCreateIn(String target) {
        if (!operator && !tenant.equals(target)) {
            throw forbidden("only the operator scope may make a client in another tenant");
        }
    }

    void mayGrant(Iterable<String> scopes) {
        for (String scope : scopes) {
            if (!operator && Scopes.OPERATOR.equals(scope)) {
                throw forbidden("only the operator scope may grant operator");
            }
        }
    }

    void mayChange(ApiClient client) {
        if (!operator && client.scopes.contains(Scopes.OPERATOR)) {
            throw forbidden("only the operator scope may change a client that holds operator");
        }
    }

    private static ApiException forbidden(String detail) {
        return ApiException.of(ErrorCode.FORBIDDEN, detail);
    }
}
