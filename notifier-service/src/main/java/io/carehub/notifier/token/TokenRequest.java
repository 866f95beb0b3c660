package io.carehub.notifier.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The two fields of a token request, {@code grant_type} and {@code assertion}, from a form body (RFC 6749)
 * or a JSON object with the same fields. Other fields are ignored, as RFC 6749 §3.2 asks.
 */
public record TokenRequest(String grantType, String assertion) {

    public static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final String GRANT_TYPE = "grant_type";
    static final String ASSERTION = "assertion";

    /** A field given twice is refused, not resolved by "last wins": the form body refuses it too. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    public static TokenRequest parse(String body, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return fromForm(body == null ? "" : body);
        }
        if (type.startsWith("application/json")) {
            return fromJson(body == null ? "" : body);
        }
        throw OAuthError.invalidRequest("the body must be application/x-www-form-urlencoded (or application/json)");
    }

    /** Checks the grant type, then that there is an assertion. */
    public String jwtBearerAssertion() {
        if (grantType == null || grantType.isEmpty()) {
            throw OAuthError.invalidRequest("grant_type is required");
        }
        if (!JWT_BEARER.equals(grantType)) {
            throw OAuthError.unsupportedGrantType("grant_type must be " + JWT_BEARER);
        }
        if (assertion == null || assertion.isEmpty()) {
            throw OAuthError.invalidRequest("assertion is required");
        }
        return assertion;
    }

    private static TokenRequest fromForm(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if ((GRANT_TYPE.equals(name) || ASSERTION.equals(name)) && fields.put(name, value) != null) {
                throw OAuthError.invalidRequest(name + " may be given only once");
            }
        }
        return new TokenRequest(fields.get(GRANT_TYPE), fields.get(ASSERTION));
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
        return new TokenRequest(text(json, GRANT_TYPE), text(json, ASSERTION));
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
}
