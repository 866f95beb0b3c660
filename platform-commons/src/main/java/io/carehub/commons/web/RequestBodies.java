package io.carehub.commons.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.carehub.commons.errors.ApiError;
import io.carehub.commons.errors.ErrorCode;
import io.carehub.commons.errors.ErrorsBody;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a write whose body has no {@code Content-Type}, or one that is no single media type ({@code *}{@code /*},
 * {@code application/*}, {@code application/json;;}), or JSON in a charset other than UTF-8, with
 * {@code 415 unsupported_media_type} in the API's error body (API.md §2), before the body is read. RESTEasy would
 * match such a body to the endpoint's {@code @Consumes(application/json)} and decode it as it says: JSON is UTF-8
 * (RFC 8259 §8.1), and a {@code charset=latin1} body would be stored as Latin-1. The token endpoint
 * ({@link #isTokenEndpoint}) answers its own failures, in OAuth's shape (API.md §1, API-CORE.md §C2).
 */
@ApplicationScoped
public class RequestBodies {

    /** The token endpoint's paths: the v1 one (API.md §1) and OAuth's (API-CORE.md §C2); the same endpoint. */
    public static final List<String> TOKEN_ENDPOINTS = List.of("/v1/token", "/oauth/token");

    /** type/subtype, each an RFC 9110 token; no wildcard. */
    private static final Pattern MEDIA_TYPE = Pattern.compile("^[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+$");
    private static final Pattern PARAMETER = Pattern.compile("^[a-z0-9!#$%&'*+.^_`|~-]+=([a-z0-9!#$%&'*+.^_`|~-]+|\"[^\"]*\")$");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpMethod method = request.method();
        boolean write = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
        String length = request.getHeader("Content-Length");
        boolean hasBody = length != null ? !length.trim().equals("0") : request.getHeader("Transfer-Encoding") != null;
        if (write && hasBody && !isTokenEndpoint(ctx.normalizedPath()) && mediaType(request.getHeader("Content-Type")) == null) {
            String contentType = request.getHeader("Content-Type");
            String detail = contentType == null || contentType.isBlank() ? "a body needs a Content-Type: application/json"
                    : "the Content-Type must be one media type, application/json, in UTF-8";
            // Not read: the connection ends with the answer.
            ctx.response().setStatusCode(415).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
                    .end(Json.encode(new ErrorsBody(List.of(ApiError.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, detail)))));
            return;
        }
        ctx.next();
    }

    /** Whether {@code path} is one of {@link #TOKEN_ENDPOINTS} (with or without a trailing slash). */
    public static boolean isTokenEndpoint(String path) {
        if (path == null) {
            return false;
        }
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return TOKEN_ENDPOINTS.contains(p);
    }

    /**
     * The {@code type/subtype} of {@code contentType} in lower case, or null when it is absent, not a single media type
     * (a wildcard, a malformed parameter) or names a charset other than UTF-8.
     */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";", -1);
        String type = parts[0].trim();
        if (!MEDIA_TYPE.matcher(type).matches()) {
            return null;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (!PARAMETER.matcher(parameter).matches()) {
                return null;
            }
            if (parameter.startsWith("charset=") && (type.equals("application/json") || type.endsWith("+json"))) {
                String charset = parameter.substring("charset=".length()).replace("\"", "");
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    return null;
                }
            }
        }
        return type;
    }
}
