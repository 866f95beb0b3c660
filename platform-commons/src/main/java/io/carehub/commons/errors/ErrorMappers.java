package io.carehub.commons.errors;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.carehub.commons.security.Scopes;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Maps every failure to the API's {@code errors} body (API.md §2). Needs
 * {@code quarkus.http.auth.proactive=false} so that authentication failures reach these mappers.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    private final CurrentIdentityAssociation identities;

    public ErrorMappers(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    public static Response response(ErrorCode code, String detail) {
        return response(List.of(ApiError.of(code, detail)), code.status());
    }

    public static Response response(List<ApiError> errors, int status) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorsBody(errors)).build();
    }

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        Response response = response(e.errors(), e.status());
        if (e.retryAfter() == null) {
            return response;
        }
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthorizedResponse();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorizedResponse();
    }

    private static Response unauthorizedResponse() {
        return Response.fromResponse(response(ErrorCode.UNAUTHORIZED, "a valid access token is required"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(ErrorCode.FORBIDDEN, "the access token lacks the scope this needs");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return response(ErrorCode.NOT_FOUND, "not found");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        Response r = response(ErrorCode.METHOD_NOT_ALLOWED, "method not allowed");
        return Response.fromResponse(r).allow(e.getResponse().getAllowedMethods()).build();
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e) {
        return response(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json");
    }

    /**
     * The media type is matched before the endpoint's scopes are checked, so an unmatched {@code Accept} would tell
     * anyone which media types an endpoint has. Only a caller who may use the endpoint learns that (406); the
     * others get what the endpoint would answer them: 401 without a valid token, 403 without the scope.
     */
    @ServerExceptionMapper
    public Uni<Response> notAcceptable(NotAcceptableException e, ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return identities.getDeferredIdentity()
                .map(identity -> {
                    if (identity.isAnonymous()) {
                        return unauthorizedResponse();
                    }
                    if (!mayUse(identity.getRoles(), path)) {
                        return response(ErrorCode.FORBIDDEN, "the access token lacks the scope this needs");
                    }
                    return response(ErrorCode.NOT_ACCEPTABLE, "the requested media type is not available");
                })
                .onFailure().recoverWithItem(ErrorMappers::unauthorizedResponse);
    }

    /** Whether scopes {@code roles} may use some endpoint at {@code path} ({@code /v1/exports/<c>} needs {@code <c>.read}). */
    static boolean mayUse(Set<String> roles, String path) {
        String[] parts = path.replaceFirst("^/", "").split("/");
        if (parts.length < 2 || !"v1".equals(parts[0]) || roles.contains(Scopes.ALL)) {
            return !roles.isEmpty();
        }
        if ("exports".equals(parts[1])) {
            return parts.length > 2 && roles.contains(Scopes.read(parts[2]));
        }
        String collection = parts[1];
        return roles.contains(Scopes.read(collection)) || roles.contains(Scopes.write(collection))
                || roles.contains(Scopes.ADMIN) || roles.contains(Scopes.WEBHOOKS);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            logFault("request failed", e);
            return response(ErrorCode.INTERNAL_SERVER_ERROR, "internal server error");
        }
        if (status == 413) {
            return response(ErrorCode.PAYLOAD_TOO_LARGE, "the body is larger than 1 MiB");
        }
        return response(ErrorCode.BAD_REQUEST, "bad request");
    }

    /** The last resort: log the fault, tell the client nothing about it. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (DatabaseErrors.isUnavailable(e)) {
            // Not a fault of the request, nor a bug: the database is down or restarting. The client may retry.
            LOG.warnf("database unavailable: %s", chainOf(e));
            return Response.fromResponse(response(ErrorCode.SERVICE_UNAVAILABLE,
                    "the service cannot reach its database now; retry later"))
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS).build();
        }
        logFault("unexpected failure", e);
        return response(ErrorCode.INTERNAL_SERVER_ERROR, "internal server error");
    }

    /** When a client may retry a request that found the database unreachable. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 2;

    /** The exception types of {@code e}'s causes, outermost first: what may be logged of a database failure. */
    private static String chainOf(Throwable e) {
        StringBuilder types = new StringBuilder();
        for (Throwable t = e; t != null && types.length() < 500; t = t.getCause() == t ? null : t.getCause()) {
            types.append(types.length() == 0 ? "" : " < ").append(t.getClass().getSimpleName());
        }
        return types.toString();
    }

    /** A database failure is logged by its SQLSTATE and constraint only: the driver's message can carry row values. */
    private static void logFault(String what, Throwable e) {
        String database = DatabaseErrors.describe(e);
        if (database != null) {
            LOG.errorf("%s: database %s", what, database);
        } else {
            LOG.error(what, e);
        }
    }
}
