package io.carehub.notifier;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import io.carehub.commons.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * What notifier-service's tests share: API clients made through {@code /v1/api_clients}, assertions signed
 * the way the reference's Python example signs them with PyJWT ({@code {"alg":"HS256","typ":"JWT"}}, claims
 * {@code iss}, {@code aud}, {@code exp}, {@code scope}, keyed with the secret's UTF-8 bytes), and token requests.
 */
public final class TestClients {

    public static final String TOKEN_URL = "http://localhost:8080/v1/token";
    public static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /** A client as Create answered it: the only time its secret is seen. */
    public record Client(String id, String clientId, String secret, String tenant) {
    }

    private TestClients() {
    }

    /** The platform operator's token: scope {@code operator}, which manages the api_clients of every tenant. */
    public static String operator() {
        return TestTokens.token("operator", "operator");
    }

    public static Client create(String tenant, String... scopes) {
        String list = String.join("\", \"", scopes);
        var body = given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body("{\"name\": \"test client\", \"tenant\": \"" + tenant + "\", \"scopes\": [\"" + list + "\"]}")
                .post("/v1/api_clients").then().statusCode(200).extract().jsonPath();
        return new Client(body.getString("data.id"), body.getString("data.client_id"), body.getString("data.client_secret"),
                tenant);
    }

    /** A client of {@code tenant} granted {@code environments} (API-CORE.md §C1) and {@code scopes}. */
    public static Client createIn(String tenant, List<String> environments, String... scopes) {
        var body = given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "test client", "tenant", tenant, "scopes", List.of(scopes), "environments", environments))
                .post("/v1/api_clients").then().statusCode(200).extract().jsonPath();
        return new Client(body.getString("data.id"), body.getString("data.client_id"), body.getString("data.client_secret"),
                tenant);
    }

    /** An access token for {@code client} that works in {@code environment} (the request's {@code environment} field). */
    public static String accessToken(Client client, String environment) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", JWT_BEARER)
                .formParam("assertion", assertion(client.clientId()).signedWith(client.secret()))
                .formParam("environment", environment).post("/v1/token").then().statusCode(200).extract()
                .path("access_token");
    }

    /**
     * An access token of a real client of {@code tenant} holding {@code scopes}: what a subscription needs, since
     * the notifier checks (and delivers by) the scopes its client holds, which a minted token's client has none of.
     */
    public static String tokenOf(String tenant, String... scopes) {
        return accessToken(create(tenant, scopes));
    }

    public static ValidatableResponse requestToken(String assertion) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", JWT_BEARER).formParam("assertion", assertion)
                .post("/v1/token").then();
    }

    /** An access token for {@code client} (default claims, its full scope). */
    public static String accessToken(Client client) {
        return requestToken(assertion(client.clientId()).signedWith(client.secret())).statusCode(200).extract()
                .path("access_token");
    }

    public static Assertion assertion(String clientId) {
        return new Assertion(clientId);
    }

    /** An assertion as PyJWT builds it: {@code iss}, {@code aud}, {@code exp} (5 minutes ahead) by default. */
    public static final class Assertion {

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String algorithm = AlgorithmIdentifiers.HMAC_SHA256;

        Assertion(String clientId) {
            claims.put("iss", clientId);
            claims.put("aud", TOKEN_URL);
            claims.put("exp", Instant.now().getEpochSecond() + 300);
        }

        public Assertion claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Assertion without(String name) {
            claims.remove(name);
            return this;
        }

        public Assertion expiresIn(long seconds) {
            return claim("exp", Instant.now().getEpochSecond() + seconds);
        }

        public Assertion scope(String scope) {
            return claim("scope", scope);
        }

        public Assertion jti(String jti) {
            return claim("jti", jti);
        }

        public Assertion algorithm(String algorithm) {
            this.algorithm = algorithm;
            return this;
        }

        public String signedWith(String secret) {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmHeaderValue(algorithm);
            jws.setHeader("typ", "JWT");
            jws.setPayload(JsonUtil.toJson(claims));
            jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
            jws.setDoKeyValidation(false);
            try {
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }

        /** {@code alg: none}, no signature. */
        public String unsigned() {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(JsonUtil.toJson(claims).getBytes(StandardCharsets.UTF_8)) + ".";
        }
    }

    /** The public half of the key the platform signs access tokens with in tests. */
    public static PublicKey platformPublicKey() {
        try (InputStream in = TestClients.class.getClassLoader().getResourceAsStream("test-keys/jwt-public.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
