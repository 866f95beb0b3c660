package io.carehub.notifier.token;

import static io.carehub.notifier.TestClients.assertion;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jboss.logmanager.ExtLogRecord;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestTokens;
import io.carehub.notifier.TestClients;
import io.carehub.notifier.TestClients.Client;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * API-CORE.md §C2: the client credentials grant at {@code POST /oauth/token} and {@code POST /v1/token}, the client
 * authenticated by the form or by HTTP Basic (RFC 6749 §2.3.1), every RFC 6749 §5.2 refusal with its status, body and
 * headers, and the access token it issues: the JWT-bearer grant's, to the claim. The limit is TokenRateLimitTests'.
 */
@QuarkusTest
class ClientCredentialsTests {

    static final List<String> PATHS = List.of("/oauth/token", "/v1/token");
    static final String NOT_AUTHENTICATED = "client authentication failed";
    static final String BASIC_CHALLENGE = "Basic realm=\"carehub\"";

    final String tenant = "cc-" + UUID.randomUUID();

    static RequestSpecification form() {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials");
    }

    static ValidatableResponse byForm(String path, String clientId, String secret) {
        return form().formParam("client_id", clientId).formParam("client_secret", secret).post(path).then();
    }

    static ValidatableResponse byBasic(String path, String clientId, String secret) {
        return form().auth().preemptive().basic(clientId, secret).post(path).then();
    }

    static ValidatableResponse granted(ValidatableResponse response, String scope) {
        return response.statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .body("keySet()", containsInAnyOrder("access_token", "token_type", "expires_in", "scope"))
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .body("scope", equalTo(scope));
    }

    /** RFC 6749 §5.2: 400 with {@code {"error", "error_description"}} and nothing else, never cached. */
    static ValidatableResponse refused(ValidatableResponse response, String error, String description) {
        return response.statusCode(400)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .header("WWW-Authenticate", nullValue())
                .body("keySet()", containsInAnyOrder("error", "error_description"))
                .body("error", equalTo(error))
                .body("error_description", equalTo(description));
    }

    /** RFC 6749 §5.2: invalid_client is 401 with a Basic challenge. */
    static ValidatableResponse unauthenticated(ValidatableResponse response, String description) {
        return response.statusCode(401)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .header("WWW-Authenticate", BASIC_CHALLENGE)
                .body("keySet()", containsInAnyOrder("error", "error_description"))
                .body("error", equalTo("invalid_client"))
                .body("error_description", equalTo(description));
    }

    static String basicHeader(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFormGetsTheJwtBearerGrantsAccessTokenClaimForClaimAtBothPaths() throws Exception {
        Client client = TestClients.create(tenant, "all", "webhooks");
        for (String path : PATHS) {
            long before = Instant.now().getEpochSecond();
            String token = granted(byForm(path, client.clientId(), client.secret()), "all webhooks")
                    .extract().path("access_token");
            long after = Instant.now().getEpochSecond();
            JwtClaims claims = new JwtConsumerBuilder()
                    .setVerificationKey(TestClients.platformPublicKey())
                    .setJwsAlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                    .setExpectedIssuer(TestTokens.ISSUER)
                    .setRequireSubject().setRequireExpirationTime().setRequireIssuedAt().setRequireJwtId()
                    .build().processToClaims(token);
            assertEquals(client.clientId(), claims.getSubject(), path);
            assertEquals(client.id(), claims.getClaimValue("api_client_id"), path);
            assertEquals(tenant, claims.getClaimValue("tenant"), path);
            assertEquals("all webhooks", claims.getClaimValue("scope"), path);
            long iat = claims.getIssuedAt().getValue();
            assertTrue(iat >= before && iat <= after, "iat " + iat + " is now");
            assertEquals(iat + 3600, claims.getExpirationTime().getValue());
            assertTrue(claims.getJwtId().matches(TokenResourceTests.GUID), claims.getJwtId());
            // The JWT-bearer grant's claims, no more, no fewer (TokenResourceTests).
            assertEquals(Set.of("iss", "sub", "api_client_id", "tenant", "environment", "environments", "scope", "exp", "iat", "jti"),
                claims.getClaimNames());

            // And it opens notifier's own collections, in the client's tenant.
            String hook = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"url\": \"https://hooks.example.com/cc\"}")
                    .post("/v1/webhook_subscriptions").then().statusCode(200).extract().path("data.id");
            given().auth().oauth2(token).get("/v1/webhook_subscriptions/" + hook).then().statusCode(200)
                    .body("data.url", equalTo("https://hooks.example.com/cc"));
            given().auth().oauth2(token).delete("/v1/webhook_subscriptions/" + hook).then().statusCode(200);
        }
    }

    @Test
    void httpBasicGetsATokenAtBothPathsAndItOpensApiClientsForAnAdmin() {
        Client admin = TestClients.create(tenant, "admin");
        for (String path : PATHS) {
            String token = granted(byBasic(path, admin.clientId(), admin.secret()), "admin").extract().path("access_token");
            given().auth().oauth2(token).get("/v1/api_clients/" + admin.id()).then().statusCode(200)
                    .body("data.client_id", equalTo(admin.clientId()))
                    .body("data.tenant", equalTo(tenant));
        }
        // RFC 6749 §2.3.1: the id and secret are form-urlencoded inside Basic; ours need no escapes, but escaped ones decode.
        String escaped = admin.clientId().replace("-", "%2D") + ":" + admin.secret().replace("-", "%2D").replace("_", "%5F");
        granted(form().header("Authorization", basicHeader(escaped)).post("/oauth/token").then(), "admin");
        // The scheme's name is case-insensitive (RFC 9110 §11.1).
        granted(form().header("Authorization", "basic " + basicHeader(admin.clientId() + ":" + admin.secret()).substring(6))
                .post("/oauth/token").then(), "admin");
        // A body client_id naming the same client beside Basic is taken, as some libraries send it.
        granted(form().auth().preemptive().basic(admin.clientId(), admin.secret()).formParam("client_id", admin.clientId())
                .post("/oauth/token").then(), "admin");
    }

    @Test
    void v1TokenAlsoTakesTheGrantAsJsonButOAuthTokenOnlyAsAForm() {
        Client client = TestClients.create(tenant, "patients.read");
        String json = "{\"grant_type\": \"client_credentials\", \"client_id\": \"" + client.clientId()
                + "\", \"client_secret\": \"" + client.secret() + "\"}";
        granted(given().contentType(ContentType.JSON).body(json).post("/v1/token").then(), "patients.read");
        refused(given().contentType(ContentType.JSON).body(json).post("/oauth/token").then(), "invalid_request",
                "the body must be application/x-www-form-urlencoded");
        refused(given().contentType(ContentType.JSON).body("{\"grant_type\": \"client_credentials\", \"client_id\": 7,"
                + " \"client_secret\": \"" + client.secret() + "\"}").post("/v1/token").then(), "invalid_request",
                "client_id must be a string");
    }

    @Test
    void theScopeAskedForIsGrantedWhenTheClientHoldsItAndEveryScopeOtherwise() {
        Client client = TestClients.create(tenant, "all", "webhooks");
        for (String path : PATHS) {
            granted(form().auth().preemptive().basic(client.clientId(), client.secret())
                    .formParam("scope", "patients.read phone_numbers.write").post(path).then(), "patients.read phone_numbers.write");
            granted(form().auth().preemptive().basic(client.clientId(), client.secret())
                    .formParam("scope", "webhooks").post(path).then(), "webhooks");
            granted(form().auth().preemptive().basic(client.clientId(), client.secret())
                    .formParam("scope", "").post(path).then(), "all webhooks");
        }
    }

    @Test
    void aScopeNotGrantedOrNotExistingIsInvalidScope() {
        Client reader = TestClients.create(tenant, "patients.read");
        for (String path : PATHS) {
            refused(form().auth().preemptive().basic(reader.clientId(), reader.secret())
                    .formParam("scope", "patients.read patients.write").post(path).then(), "invalid_scope",
                    "the client may not have the scope patients.write");
            refused(form().auth().preemptive().basic(reader.clientId(), reader.secret())
                    .formParam("scope", "admin").post(path).then(), "invalid_scope", "the client may not have the scope admin");
            refused(form().formParam("client_id", reader.clientId()).formParam("client_secret", reader.secret())
                    .formParam("scope", "patients:read").post(path).then(), "invalid_scope", "unknown scope patients:read");
        }
        // The scope is weighed only once the client is known: a wrong secret asking for too much is still invalid_client.
        unauthenticated(form().auth().preemptive().basic(reader.clientId(), "wrong-" + reader.secret())
                .formParam("scope", "admin").post("/oauth/token").then(), NOT_AUTHENTICATED);
    }

    @Test
    void anUnknownClientAndAWrongSecretAreInvalidClientAlikeByFormAndByBasic() {
        Client client = TestClients.create(tenant, "all");
        String wrong = "not-" + client.secret();
        for (String path : PATHS) {
            unauthenticated(byForm(path, UUID.randomUUID().toString(), client.secret()), NOT_AUTHENTICATED);
            unauthenticated(byForm(path, client.clientId(), wrong), NOT_AUTHENTICATED)
                    .body(not(containsString(wrong))).body(not(containsString(client.secret())));
            unauthenticated(byBasic(path, UUID.randomUUID().toString(), client.secret()), NOT_AUTHENTICATED);
            unauthenticated(byBasic(path, client.clientId(), wrong), NOT_AUTHENTICATED)
                    .body(not(containsString(wrong))).body(not(containsString(client.secret())));
            // The secret of another client is no better.
            Client other = TestClients.create(tenant, "all");
            unauthenticated(byBasic(path, client.clientId(), other.secret()), NOT_AUTHENTICATED);
        }
    }

    @Test
    void aMalformedBasicHeaderIsInvalidClient() {
        String description = "the Authorization header is not HTTP Basic credentials: base64 of form-urlencoded client_id,"
                + " ':' and form-urlencoded client_secret";
        for (String header : List.of("Basic", "Basic !!!not-base64", basicHeader("no-colon-at-all"), basicHeader(":secret"),
                basicHeader("client:"), basicHeader("client:%zz"))) {
            unauthenticated(form().header("Authorization", header).post("/oauth/token").then(), description);
        }
    }

    @Test
    void aDisabledClientIsInvalidClientUntilEnabledAgainAndADeletedOneForGood() {
        Client client = TestClients.create(tenant, "all");
        setDisabled(client, true);
        for (String path : PATHS) {
            unauthenticated(byForm(path, client.clientId(), client.secret()), NOT_AUTHENTICATED);
            unauthenticated(byBasic(path, client.clientId(), client.secret()), NOT_AUTHENTICATED);
        }
        setDisabled(client, false);
        granted(byBasic("/oauth/token", client.clientId(), client.secret()), "all");
        given().auth().oauth2(TestClients.operator()).delete("/v1/api_clients/" + client.id()).then().statusCode(200);
        unauthenticated(byBasic("/oauth/token", client.clientId(), client.secret()), NOT_AUTHENTICATED);
    }

    @Test
    void aTokenOfTheGrantIsRevokedWithItsClientAsAJwtBearerOneIs() {
        Client admin = TestClients.create(tenant, "admin", "webhooks");
        String token = granted(byBasic("/oauth/token", admin.clientId(), admin.secret()), "admin webhooks")
                .extract().path("access_token");
        given().auth().oauth2(token).get("/v1/webhook_subscriptions").then().statusCode(200);
        setDisabled(admin, true);
        given().auth().oauth2(token).get("/v1/webhook_subscriptions").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer")).body("errors[0].code", equalTo("unauthorized"));
        setDisabled(admin, false);
        given().auth().oauth2(token).get("/v1/api_clients").then().statusCode(200);
    }

    @Test
    void aMissingOrRepeatedFieldIsInvalidRequest() {
        Client client = TestClients.create(tenant, "all");
        for (String path : PATHS) {
            refused(given().contentType(ContentType.URLENC).formParam("client_id", client.clientId())
                    .formParam("client_secret", client.secret()).post(path).then(), "invalid_request", "grant_type is required");
            refused(form().formParam("client_secret", client.secret()).post(path).then(), "invalid_request",
                    "client_id is required (or HTTP Basic authentication)");
            refused(form().formParam("client_id", client.clientId()).post(path).then(), "invalid_request",
                    "client_secret is required (or HTTP Basic authentication)");
            refused(form().formParam("client_id", client.clientId()).formParam("client_secret", "").post(path).then(),
                    "invalid_request", "client_secret is required (or HTTP Basic authentication)");
            refused(form().post(path).then(), "invalid_request", "client_id is required (or HTTP Basic authentication)");
            for (String field : List.of("client_id", "client_secret", "scope")) {
                String body = "grant_type=client_credentials&client_id=" + client.clientId() + "&client_secret=" + client.secret()
                        + "&scope=all&" + field + "=" + ("scope".equals(field) ? "all" : "x");
                refused(given().contentType(ContentType.URLENC).body(body).post(path).then(), "invalid_request",
                        field + " may be given only once");
            }
            refused(given().contentType(ContentType.URLENC).body("grant_type=client_credentials&grant_type=client_credentials"
                    + "&client_id=" + client.clientId() + "&client_secret=" + client.secret()).post(path).then(),
                    "invalid_request", "grant_type may be given only once");
        }
    }

    @Test
    void credentialsByBasicAndInTheBodyAtOnceAreInvalidRequest() {
        Client client = TestClients.create(tenant, "all");
        Client other = TestClients.create(tenant, "all");
        for (String path : PATHS) {
            refused(form().auth().preemptive().basic(client.clientId(), client.secret())
                    .formParam("client_id", client.clientId()).formParam("client_secret", client.secret()).post(path).then(),
                    "invalid_request", "the client authenticates one way: HTTP Basic or client_id and client_secret in the"
                            + " body, not both");
            refused(form().auth().preemptive().basic(client.clientId(), client.secret())
                    .formParam("client_secret", client.secret()).post(path).then(), "invalid_request",
                    "the client authenticates one way: HTTP Basic or client_id and client_secret in the body, not both");
            refused(form().auth().preemptive().basic(client.clientId(), client.secret())
                    .formParam("client_id", other.clientId()).post(path).then(), "invalid_request",
                    "the body's client_id is not the one of the Authorization header");
        }
    }

    @Test
    void anotherGrantTypeIsUnsupportedAndAWrongContentTypeInvalidRequest() {
        Client client = TestClients.create(tenant, "all");
        for (String path : PATHS) {
            refused(given().contentType(ContentType.URLENC).formParam("grant_type", "password").formParam("username", "u")
                    .formParam("password", "p").post(path).then(), "unsupported_grant_type",
                    "grant_type must be client_credentials or urn:ietf:params:oauth:grant-type:jwt-bearer");
            refused(given().contentType(ContentType.URLENC).formParam("grant_type", "CLIENT_CREDENTIALS")
                    .auth().preemptive().basic(client.clientId(), client.secret()).post(path).then(), "unsupported_grant_type",
                    "grant_type must be client_credentials or urn:ietf:params:oauth:grant-type:jwt-bearer");
            refused(given().contentType(ContentType.TEXT).auth().preemptive().basic(client.clientId(), client.secret())
                    .body("grant_type=client_credentials").post(path).then(), "invalid_request",
                    "/oauth/token".equals(path) ? "the body must be application/x-www-form-urlencoded"
                            : "the body must be application/x-www-form-urlencoded (or application/json)");
        }
        refused(given().contentType(ContentType.XML).body("<grant_type>client_credentials</grant_type>").post("/oauth/token")
                .then(), "invalid_request", "the body must be application/x-www-form-urlencoded");
        refused(given().body("grant_type=client_credentials".getBytes(StandardCharsets.UTF_8)).post("/oauth/token").then(),
                "invalid_request", "the body must be application/x-www-form-urlencoded");
    }

    /** One endpoint, two paths: the JWT-bearer grant at /oauth/token, with that URL as the assertion's audience. */
    @Test
    void theJwtBearerGrantIsTakenAtOAuthTokenToo() {
        Client client = TestClients.create(tenant, "all");
        granted(given().contentType(ContentType.URLENC).formParam("grant_type", TestClients.JWT_BEARER)
                .formParam("assertion", assertion(client.clientId()).claim("aud", "http://localhost:8080/oauth/token")
                        .signedWith(client.secret()))
                .post("/oauth/token").then(), "all");
        refused(given().contentType(ContentType.URLENC).formParam("grant_type", TestClients.JWT_BEARER)
                .formParam("assertion", assertion(client.clientId()).signedWith("not-" + client.secret()))
                .post("/oauth/token").then(), "invalid_grant", OAuthError.NOT_VALID);
    }

    /** A Bearer token sent to the token endpoint is no client authentication: the form's credentials decide. */
    @Test
    void anAuthorizationHeaderOfAnotherSchemeIsNotClientAuthentication() {
        Client client = TestClients.create(tenant, "all");
        granted(form().auth().oauth2(TestClients.operator()).formParam("client_id", client.clientId())
                .formParam("client_secret", client.secret()).post("/oauth/token").then(), "all");
        refused(form().auth().oauth2(TestClients.operator()).post("/oauth/token").then(), "invalid_request",
                "client_id is required (or HTTP Basic authentication)");
    }

    /**
     * No secret reaches a log, at DEBUG either, whether it was right or wrong, in the form or in Basic: the service's
     * loggers and those of the HTTP, REST and security layers are turned up to DEBUG while the requests run.
     */
    @Test
    void noSecretIsEverLoggedRightOrWrongFormOrBasic() {
        Client client = TestClients.create(tenant, "all");
        String wrong = "wrong-" + UUID.randomUUID();
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                StringBuilder text = new StringBuilder(record.getLoggerName() + ": " + message);
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    text.append(" | ").append(t);
                }
                logged.add(text.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        List<String> categories = List.of("io.carehub", "io.quarkus.security", "io.quarkus.vertx.http", "io.quarkus.resteasy.reactive",
                "org.jboss.resteasy.reactive", "io.smallrye.jwt", "io.quarkus.smallrye.jwt");
        Map<String, Level> before = new HashMap<>();
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        categories.forEach(c -> {
            before.put(c, Logger.getLogger(c).getLevel());
            Logger.getLogger(c).setLevel(Level.FINE);
        });
        try {
            for (String path : PATHS) {
                granted(byForm(path, client.clientId(), client.secret()), "all");
                granted(byBasic(path, client.clientId(), client.secret()), "all");
                unauthenticated(byForm(path, client.clientId(), wrong), NOT_AUTHENTICATED);
                unauthenticated(byBasic(path, client.clientId(), wrong), NOT_AUTHENTICATED);
                refused(form().auth().preemptive().basic(client.clientId(), client.secret())
                        .formParam("client_secret", wrong).post(path).then(), "invalid_request",
                        "the client authenticates one way: HTTP Basic or client_id and client_secret in the body, not both");
                refused(form().auth().preemptive().basic(client.clientId(), client.secret()).formParam("scope", "admin")
                        .post(path).then(), "invalid_scope", "the client may not have the scope admin");
            }
        } finally {
            root.removeHandler(capture);
            categories.forEach(c -> Logger.getLogger(c).setLevel(before.get(c)));
        }
        String basicRight = basicHeader(client.clientId() + ":" + client.secret()).substring("Basic ".length());
        String basicWrong = basicHeader(client.clientId() + ":" + wrong).substring("Basic ".length());
        // The capture works: the refusals were logged at DEBUG, by client id.
        assertTrue(logged.stream().anyMatch(l -> l.contains("client credentials refused: client " + client.clientId())), logged::toString);
        for (String line : logged) {
            for (String secret : List.of(client.secret(), wrong, basicRight, basicWrong)) {
                assertTrue(!line.contains(secret), () -> "a secret in the log: " + line);
            }
        }
    }

    @Test
    void theOpenApiDocumentShowsBothPathsWithBothGrantsBasicAndEveryRefusal() {
        var doc = given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertEquals("http", doc.getString("components.securitySchemes.clientBasic.type"));
        assertEquals("basic", doc.getString("components.securitySchemes.clientBasic.scheme"));
        for (String path : PATHS) {
            String op = "paths.'" + path + "'.post";
            String form = op + ".requestBody.content.'application/x-www-form-urlencoded'.schema";
            String ref = doc.getString(form + ".$ref");
            String schema = "components.schemas." + ref.substring(ref.lastIndexOf('/') + 1);
            assertEquals(Set.of("grant_type", "client_id", "client_secret", "scope", "assertion", "environment"),
                    doc.getMap(schema + ".properties").keySet(), path);
            assertEquals(List.of("client_credentials", TestClients.JWT_BEARER), doc.getList(schema + ".properties.grant_type.enum"));
            assertTrue(doc.getList(op + ".security").contains(Map.of("clientBasic", List.of())), path + " " + doc.getList(op + ".security"));
            assertEquals(Set.of("200", "400", "401", "413", "429", "500"), doc.getMap(op + ".responses").keySet(), path);
            assertTrue(doc.getMap(op + ".responses.'401'.headers").containsKey("WWW-Authenticate"), path);
            assertTrue(doc.getMap(op + ".responses.'429'.headers").containsKey("Retry-After"), path);
            assertTrue(doc.getMap(op + ".responses.'200'.headers").containsKey("Cache-Control"), path);
        }
        assertTrue(doc.getMap("paths.'/v1/token'.post.requestBody.content").containsKey("application/json"));
        assertEquals(Set.of("application/x-www-form-urlencoded"),
                doc.getMap("paths.'/oauth/token'.post.requestBody.content").keySet());
        assertEquals(List.of("invalid_request", "invalid_client", "invalid_grant", "invalid_scope", "unsupported_grant_type",
                "temporarily_unavailable"), doc.getList("components.schemas.OAuthError.properties.error.enum"));
        assertEquals(Set.of("error", "error_description"), doc.getMap("components.schemas.OAuthError.properties").keySet());
        assertEquals(Set.of("access_token", "token_type", "expires_in", "scope"),
                doc.getMap("components.schemas.TokenResponse.properties").keySet());
        // Every other operation still asks for the access token, never for Basic.
        assertEquals("bearer", doc.getString("components.securitySchemes.SecurityScheme.scheme"));
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        int others = 0;
        for (var path : paths.entrySet()) {
            if (PATHS.contains(path.getKey())) {
                continue;
            }
            for (var operation : path.getValue().entrySet()) {
                String security = String.valueOf(((Map<?, ?>) operation.getValue()).get("security"));
                assertTrue(security.contains("SecurityScheme") && !security.contains("clientBasic"),
                        operation.getKey() + " " + path.getKey() + ": " + security);
                others++;
            }
        }
        assertTrue(others > 10, others + " other operations");
    }

    private static void setDisabled(Client client, boolean disabled) {
        given().auth().oauth2(TestClients.operator()).contentType(ContentType.JSON).body("{\"disabled\": " + disabled + "}")
                .put("/v1/api_clients/" + client.id()).then().statusCode(200).body("data.disabled", equalTo(disabled));
    }
}
