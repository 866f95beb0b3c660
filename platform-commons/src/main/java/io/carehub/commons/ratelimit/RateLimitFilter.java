package io.carehub.commons.ratelimit;

import java.security.Principal;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.carehub.commons.errors.ErrorCode;
import io.carehub.commons.errors.ErrorMappers;
import io.carehub.commons.web.RequestBodies;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * Applies {@link RateLimits} to every {@code /v1/...} endpoint of every service, once the endpoint is matched: the
 * caller's reads (GET, HEAD, {@code POST .../find}) or writes (POST, PUT, PATCH, DELETE), per client ({@code sub} of
 * its access token). A request without a valid token is not counted: it is answered 401. The token endpoint
 * ({@link RequestBodies#isTokenEndpoint}) counts its own requests, per address and per {@code client_id}
 * ({@link RateLimits#tokenAttemptFrom}, {@link RateLimits#tokenAttemptFor}): only it knows in which shape to refuse.
 * <p>
 * Over the limit: {@code 429 too_many_requests} in the {@code errors} body, with {@code Retry-After} in whole seconds.
 */
public class RateLimitFilter {

    private static final Uni<Response> PASS = Uni.createFrom().nullItem();

    private final RateLimits limits;
    private final CurrentIdentityAssociation identities;

    public RateLimitFilter(RateLimits limits, CurrentIdentityAssociation identities) {
        this.limits = limits;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> limit(HttpServerRequest request) {
        String path = request.path();
        if (path == null || !path.startsWith("/v1/") || RequestBodies.isTokenEndpoint(path)) {
            return PASS;
        }
        if (!limits.limitsClients()) {
            return PASS;
        }
        boolean read = isRead(request.method(), path);
        return identities.getDeferredIdentity().onItemOrFailure().transform((identity, failure) -> {
            String client = failure == null ? clientOf(identity) : null;
            if (client == null) {
                return null; // not authenticated: the endpoint answers 401
            }
            long wait = read ? limits.read(client) : limits.write(client);
            if (wait == 0) {
                return null;
            }
            return tooMany(Limiter.retryAfterSeconds(wait), read
                    ? "too many reads for this client: at most " + limits.config().readsPerSecond() + " a second"
                    : "too many writes for this client: at most " + limits.config().writesPerSecond() + " a second");
        });
    }

    @ServerExceptionMapper
    public Response tooManyRequests(TooManyRequests e) {
        return tooMany(e.retryAfterSeconds(), e.getMessage());
    }

    static Response tooMany(long retryAfterSeconds, String detail) {
        return Response.fromResponse(ErrorMappers.response(ErrorCode.TOO_MANY_REQUESTS, detail + "; retry after "
                + retryAfterSeconds + " s")).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build();
    }

    /** GET and HEAD, and Find by POST ({@code POST /v1/<c>/find}, API.md §2) read; every other method writes. */
    static boolean isRead(HttpMethod method, String path) {
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return true;
        }
        return method == HttpMethod.POST && (path.endsWith("/find") || path.endsWith("/find/"));
    }

    private static String clientOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return principal == null ? null : principal.getName();
    }
}
