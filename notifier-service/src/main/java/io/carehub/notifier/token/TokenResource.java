package io.carehub.notifier.token;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.smallrye.mutiny.Uni;

/**
 * {@code POST /v1/token} (API.md §1): the JWT-bearer grant of RFC 7523, as a form (or a JSON object with
 * the same fields). Answers, success or failure, are never cached; failures use RFC 6749 §5.2's body.
 */
// A client that goes away does not cut the work short: a write and its session finish.
@Cancellable(false)
@Path("/v1/token")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "token")
public class TokenResource {

    private final TokenService tokens;

    public TokenResource(TokenService tokens) {
        this.tokens = tokens;
    }

    /** Any content type reaches the method, so that a wrong one gets RFC 6749's {@code invalid_request}. */
    @POST
    @PermitAll
    @Operation(summary = "Exchange an assertion signed with a client's secret for an access token (JWT-bearer grant)")
    public Uni<Response> token(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        return Uni.createFrom().item(() -> TokenRequest.parse(body, contentType))
                .chain(tokens::exchange)
                .map(token -> noStore(Response.ok(token)).build());
    }

    @ServerExceptionMapper
    public Response refused(OAuthError e) {
        return noStore(Response.status(Response.Status.BAD_REQUEST)).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuthErrorBody(e.error(), e.description())).build();
    }

    private static Response.ResponseBuilder noStore(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }
}
