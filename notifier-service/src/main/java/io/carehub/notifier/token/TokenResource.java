package io.carehub.notifier.token;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.carehub.commons.errors.ErrorsBody;
import io.carehub.commons.ratelimit.RateLimits;
import io.carehub.commons.ratelimit.TooManyRequests;
import io.carehub.notifier.token.TokenRequest.Grant;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The token endpoint, at two paths: {@code POST /v1/token} (API.md §1) and {@code POST /oauth/token} (API-CORE.md
 * §C2). Both take both grants, the JWT-bearer grant of RFC 7523 and the client credentials grant of RFC 6749 §4.4;
 * {@code /v1/token} also takes a JSON object with the form's fields, as API.md §1 says. Answers, success or
 * failure, are never cached; failures use RFC 6749 §5.2's body.
 * <p>
 * Too many requests (per address, per client_id: {@link RateLimits}) are {@code 429} with {@code Retry-After}. The
 * body is RFC 6749's {@code temporarily_unavailable} (API-CORE.md §C2) except for what API.md §1 had before the core
 * face: a JWT-bearer request, or one of no known grant, at {@code /v1/token} keeps the {@code errors} body of API.md §2
 * ({@code too_many_requests}), so that a v1 client reads its refusals as it always did.
 */
// A client that goes away does not cut the work short: a write and its session finish.
@Cancellable(false)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "token")
// Quarkus gives every @RolesAllowed operation the document's first security scheme: the access token's comes first,
// under the name Quarkus gives it when it adds it itself, so that only the token endpoint names clientBasic.
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = TokenResource.ACCESS_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
                bearerFormat = "JWT", description = "Authentication: Authorization: Bearer <access_token> (API.md §1)"),
        @SecurityScheme(securitySchemeName = TokenResource.CLIENT_BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
                description = "The client credentials grant's client authentication (RFC 6749 §2.3.1): user name the"
                        + " form-urlencoded client_id, password the form-urlencoded client_secret. Or both in the body"
                        + " instead; never both ways at once.") })
public class TokenResource {

    static final String CLIENT_BASIC = "clientBasic";
    /** Quarkus's name for the scheme of the access tokens (quarkus.smallrye-openapi.security-scheme-name). */
    static final String ACCESS_TOKEN = "SecurityScheme";
    /** The answer to a client that did not authenticate, as RFC 6749 §5.2 asks of {@code invalid_client}. */
    static final String BASIC_CHALLENGE = "Basic realm=\"carehub\"";

    private final TokenService tokens;
    private final RateLimits limits;

    public TokenResource(TokenService tokens, RateLimits limits) {
        this.tokens = tokens;
        this.limits = limits;
    }

    /** Any content type reaches the method, so that a wrong one gets RFC 6749's {@code invalid_request}. */
    @POST
    @Path("v1/token")
    @PermitAll
    @Operation(summary = "An access token, by the JWT-bearer grant (API.md §1) or client credentials (API-CORE.md §C2)",
            description = TokenOpenApi.V1_DESCRIPTION)
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = CLIENT_BASIC))
    @RequestBody(required = true, description = TokenOpenApi.V1_BODY, content = {
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = TokenForm.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenForm.class)) })
    @APIResponse(responseCode = "200", description = "The access token (RFC 6749 §5.1); never cached",
            headers = { @Header(name = "Cache-Control", description = "no-store", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Pragma", description = "no-cache", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = TokenOpenApi.BAD_REQUEST,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthErrorBody.class)))
    @APIResponse(responseCode = "401", description = TokenOpenApi.UNAUTHORIZED,
            headers = @Header(name = "WWW-Authenticate", description = "Basic realm=\"carehub\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthErrorBody.class)))
    @APIResponse(responseCode = "413", description = "payload_too_large: a body over 1 MiB (the errors body of API.md §2)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorsBody.class)))
    @APIResponse(responseCode = "500", description = "internal_server_error: a fault of ours; the body says nothing more",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorsBody.class)))
    @APIResponse(responseCode = "429", description = TokenOpenApi.V1_TOO_MANY,
            headers = @Header(name = "Retry-After", description = TokenOpenApi.RETRY_AFTER,
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = { OAuthErrorBody.class, ErrorsBody.class })))
    public Uni<Response> v1Token(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServerRequest request) {
        return answer(false, body, contentType, authorization, request);
    }

    @POST
    @Path("oauth/token")
    @PermitAll
    @Operation(summary = "An access token, by client credentials (RFC 6749 §4.4) or the JWT-bearer grant (RFC 7523)",
            description = TokenOpenApi.OAUTH_DESCRIPTION)
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = CLIENT_BASIC))
    @RequestBody(required = true, description = TokenOpenApi.OAUTH_BODY, content =
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = TokenForm.class)))
    @APIResponse(responseCode = "200", description = "The access token (RFC 6749 §5.1); never cached",
            headers = { @Header(name = "Cache-Control", description = "no-store", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Pragma", description = "no-cache", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = TokenOpenApi.BAD_REQUEST,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthErrorBody.class)))
    @APIResponse(responseCode = "401", description = TokenOpenApi.UNAUTHORIZED,
            headers = @Header(name = "WWW-Authenticate", description = "Basic realm=\"carehub\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthErrorBody.class)))
    @APIResponse(responseCode = "413", description = "payload_too_large: a body over 1 MiB (the errors body of API.md §2)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorsBody.class)))
    @APIResponse(responseCode = "500", description = "internal_server_error: a fault of ours; the body says nothing more",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorsBody.class)))
    @APIResponse(responseCode = "429", description = TokenOpenApi.OAUTH_TOO_MANY,
            headers = @Header(name = "Retry-After", description = TokenOpenApi.RETRY_AFTER,
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthErrorBody.class)))
    public Uni<Response> oauthToken(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServerRequest request) {
        return answer(true, body, contentType, authorization, request);
    }

    /**
     * The request counted against its address first, whatever it holds; then read, then given to its grant. Over the
     * address limit it is refused once its grant is known (or known to be none), so that the refusal has that grant's
     * shape.
     */
    private Uni<Response> answer(boolean oauthPath, String body, String contentType, String authorization,
            HttpServerRequest http) {
        TooManyRequests fromAddress = limits.tokenAttemptFrom(http);
        Grant[] grant = new Grant[1];
        return Uni.createFrom().item(() -> TokenRequest.parse(body, contentType, !oauthPath))
                .invoke(request -> {
                    grant[0] = request.grantOrNull();
                    if (fromAddress != null) {
                        throw fromAddress;
                    }
                })
                .chain(request -> tokens.token(request, authorization))
                .map(token -> noStore(Response.ok(token)).build())
                .onFailure().recoverWithUni(failure -> {
                    Throwable e = fromAddress != null && failure instanceof OAuthError ? fromAddress : failure;
                    if (e instanceof OAuthError refusal) {
                        return Uni.createFrom().item(refused(refusal));
                    }
                    if (e instanceof TooManyRequests tooMany && (oauthPath || grant[0] == Grant.CLIENT_CREDENTIALS)) {
                        return Uni.createFrom().item(temporarilyUnavailable(tooMany));
                    }
                    // A v1 refusal (the errors body of RateLimitFilter's mapper), or a fault of ours.
                    return Uni.createFrom().failure(e);
                });
    }

    @ServerExceptionMapper
    public Response refused(OAuthError e) {
        Response.ResponseBuilder response = noStore(Response.status(e.status())).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuthErrorBody(e.error(), e.description()));
        if (e.status() == Response.Status.UNAUTHORIZED.getStatusCode()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
        }
        return response.build();
    }

    static Response temporarilyUnavailable(TooManyRequests e) {
        return noStore(Response.status(Response.Status.TOO_MANY_REQUESTS)).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .entity(new OAuthErrorBody(OAuthError.TEMPORARILY_UNAVAILABLE,
                        e.getMessage() + "; retry after " + e.retryAfterSeconds() + " s"))
                .build();
    }

    private static Response.ResponseBuilder noStore(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }
}
