package io.carehub.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The platform as an integrator sees it: through the gateway only, with an access token got from a JWT assertion
 * (API.md §1), as the reference's Python client gets one.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: its status and body (null when the request did not get one). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status == 200;
        }

        String data(String field) {
            return body.path("data").path(field).asText(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    private Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** A client of the platform at {@code base} with an access token for {@code scope}, from a signed assertion. */
    static Api as(String base, String clientId, String clientSecret, String scope) throws Exception {
        long now = java.time.Instant.now().getEpochSecond();
        String assertion = hs256(clientSecret, JSON.createObjectNode().put("iss", clientId)
                .put("aud", base + Platform.TOKEN_PATH).put("exp", now + 300).put("iat", now)
                .put("jti", UUID.randomUUID().toString()).put("scope", scope).toString());
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&assertion=" + assertion;
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + Platform.TOKEN_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("no token for " + scope + ": " + r.statusCode() + " " + r.body());
        }
        return new Api(base, JSON.readTree(r.body()).get("access_token").asText());
    }

    /** A JWT signed HS256 with {@code secret} (its UTF-8 bytes), as PyJWT signs the reference's assertion. */
    static String hs256(String secret, String claims) throws java.security.GeneralSecurityException {
        var b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return signingInput + "." + b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
    }

    /** An isodatetime of the API ({@code 2018-09-12T01:27:32.024836+00:00}). */
    static java.time.Instant instant(String text) {
        return java.time.OffsetDateTime.parse(text).toInstant();
    }

    String base() {
        return base;
    }

    /** The access token: a secret, which no log may hold. */
    String token() {
        return token;
    }

    Answer get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    Answer post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer put(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** Like {@link #post}, failing unless the answer is 200: for the set-up, not the workload. */
    JsonNode created(String path, String body) {
        Answer a = post(path, body);
        if (!a.ok()) {
            throw new IllegalStateException("POST " + path + ": " + a.status() + " " + a.body());
        }
        return a.body().get("data");
    }

    /**
     * Every item of a Find, following {@code links.next.href} until it is absent (API.md §3); null when a page
     * could not be read (the caller tries again).
     */
    List<JsonNode> findAll(String firstPage) {
        List<JsonNode> items = new ArrayList<>();
        String next = firstPage;
        while (next != null) {
            Answer page = get(next);
            if (!page.ok()) {
                return null;
            }
            page.body().get("data").forEach(items::add);
            JsonNode href = page.body().path("links").path("next").path("href");
            next = href.isMissingNode() || href.isNull() ? null : href.asText();
        }
        return items;
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            try {
                body = r.body().isEmpty() ? null : JSON.readTree(r.body());
            } catch (IOException e) {
                // not JSON (an HTML error page of the gateway, say): status only
            }
            return new Answer(r.statusCode(), body);
        } catch (IOException e) {
            return new Answer(0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null);
        }
    }
}
