package io.carehub.notifier.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The fields of a token request, from a form body (RFC 6749) or, at {@code /v1/token} only, a JSON object with the
 * same fields (API.md §1): {@code grant_type}, and then the JWT-bearer grant's {@code assertion} (RFC 7523) or the
 * client credentials grant's {@code client_id}, {@code client_secret} and {@code scope} (RFC 6749 §4.4, API-CORE.md
 * §C2); with either, the {@code environment} the token is to work in (API-CORE.md §C1). Other fields are ignored, as
 * RFC 6749 §3.2 asks.
 * <p>
 * {@code grant_type} and {@code assertion} are checked as they are read, as they always were. The client credentials
 * fields are checked only by the grant that reads them ({@link #problems}), so that a JWT-bearer request carrying,
 * say, a {@code scope} form field twice is answered exactly as before.
 */
public record TokenRequest(String grantType, String assertion, String clientId, String clientSecret, String scope,
        String environment, Map<String, String> problems) {

    public static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    public static final String CLIENT_CREDENTIALS = "client_credentials";
    static final String GRANT_TYPE = "grant_type";
    static final String ASSERTION = "assertion";
    static final String CLIENT_ID = "client_id";
    static final String CLIENT_SECRET = "client_secret";
    static final String SCOPE = "scope";
    static final String ENVIRONMENT = "environment";

    /** The fields checked only by the grant that reads them: the client credentials grant's, and the environment. */
    private static final Set<String> LENIENT_FIELDS = Set.of(CLIENT_ID, CLIENT_SECRET, SCOPE, ENVIRONMENT);

    /** A field given twice is refused, not resolved by "last wins": the form body refuses it too. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** The grants the endpoint issues tokens by. */
    public enum Grant {
        JWT_BEARER, CLIENT_CREDENTIALS
    }

    /**
     * @param jsonAllowed whether a JSON body is taken ({@code /v1/token}, API.md §1) or only a form
     *     ({@code /oauth/token}, RFC 6749 §4.4.2)
     */
    public static TokenRequest parse(String body, String contentType, boolean jsonAllowed) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return fromForm(body == null ? "" : body);
        }
        if (jsonAllowed && type.startsWith("application/json")) {
            return fromJson(body == null ? "" : body);
        }
        throw OAuthError.invalidRequest(jsonAllowed ? "the body must be application/x-www-form-urlencoded (or application/json)"
                : "the body must be application/x-www-form-urlencoded");
    }

    /** Which grant is asked for: {@code invalid_request} without one, {@code unsupported_grant_type} for another. */
    public Grant grant() {
        if (grantType == null || grantType.isEmpty()) {
            throw OAuthError.invalidRequest("grant_type is required");
        }
        if (JWT_BEARER.equals(grantType)) {
            return Grant.JWT_BEARER;
        }
        if (CLIENT_CREDENTIALS.equals(grantType)) {
            return Grant.CLIENT_CREDENTIALS;
        }
        throw OAuthError.unsupportedGrantType("grant_type must be " + CLIENT_CREDENTIALS + " or " + JWT_BEARER);
    }

    /** The grant's name if it is one of ours, else null: for choosing how to refuse before {@link #grant()} is asked. */
    public Grant grantOrNull() {
        if (JWT_BEARER.equals(grantType)) {
            return Grant.JWT_BEARER;
        }
        return CLIENT_CREDENTIALS.equals(grantType) ? Grant.CLIENT_CREDENTIALS : null;
    }

    /** Checks that there is an assertion (the grant is JWT-bearer). */
    public String jwtBearerAssertion() {
        if (assertion == null || assertion.isEmpty()) {
            throw OAuthError.invalidRequest("assertion is required");
        }
        return assertion;
    }

    /**
     * The client credentials grant's fields checked: none given twice (nor, in JSON, anything but a string). Whether
     * the client authenticated is {@link ClientAuthentication}'s to say.
     */
    public TokenRequest checkedForClientCredentials() {
        for (String field : new String[] { CLIENT_ID, CLIENT_SECRET, SCOPE }) {
            String problem = problems.get(field);
            if (problem != null) {
                throw OAuthError.invalidRequest(problem);
            }
        }
        return this;
    }

    /** The environment asked for (null: none), checked: given once, a string. Both grants read it. */
    public String environmentAsked() {
        String problem = problems.get(ENVIRONMENT);
        if (problem != null) {
            throw OAuthError.invalidRequest(problem);
        }
        return environment == null || environment.isBlank() ? null : environment;
    }

    /** Never the secret, nor the assertion (which is as good as a token for a while): a request may end up in a log. */
    @Override
    public String toString() {
        return "TokenRequest[grant_type=" + grantType + ", client_id=" + clientId + ", scope=" + scope + ", environment="
                + environment + "]";
    }

    private static TokenRequest fromForm(String body) {
        Map<String, String> fields = new HashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            boolean strict = GRANT_TYPE.equals(name) || ASSERTION.equals(name);
            if ((strict || LENIENT_FIELDS.contains(name)) && fields.put(name, value) != null) {
                if (strict) {
                    throw OAuthError.invalidRequest(name + " may be given only once");
                }
                problems.putIfAbsent(name, name + " may be given only once");
            }
        }
        return new TokenRequest(fields.get(GRANT_TYPE), fields.get(ASSERTION), fields.get(CLIENT_ID), fields.get(CLIENT_SECRET),
                fields.get(SCOPE), fields.get(ENVIRONMENT), problems);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("the body is not a valid form");
        }
    }

    private static TokenRequest fromJson(String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (StreamReadException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")) {
                throw OAuthError.invalidRequest("the body gives a field more than once");
            }
            throw OAuthError.invalidRequest("the body is not valid JSON");
        } catch (JsonProcessingException e) {
            throw OAuthError.invalidRequest("the body is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw OAuthError.invalidRequest("the body must be a JSON object");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        return new TokenRequest(text(json, GRANT_TYPE), text(json, ASSERTION), lenientText(json, CLIENT_ID, problems),
                lenientText(json, CLIENT_SECRET, problems), lenientText(json, SCOPE, problems),
                lenientText(json, ENVIRONMENT, problems), problems);
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw OAuthError.invalidRequest(name + " must be a string");
        }
        return value.textValue();
    }

    /** A string field only the client credentials grant reads: one of another type is its problem, not the request's. */
    private static String lenientText(JsonNode json, String name, Map<String, String> problems) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.put(name, name + " must be a string");
            return null;
        }
        return value.textValue();
    }
}
