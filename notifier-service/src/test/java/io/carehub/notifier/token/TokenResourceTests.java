package io.carehub.notifier.token;

import static io.carehub.notifier.TestClients.JWT_BEARER;
import static io.carehub.notifier.TestClients.assertion;
import static io.carehub.notifier.TestClients.requestToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestTokens;
import io.carehub.notifier.TestClients;
import io.carehub.notifier.TestClients.Client;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** API.md §1: {@code POST /v1/token}, the JWT-bearer grant, and its RFC 6749 answers. */
@QuarkusTest
class TokenResourceTests {

    static final String GUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    static final String NOT_VALID = "the assertion is not valid";

    @TestHTTPResource("/v1/token")
    URL tokenUrl;

    final String tenant = "token-" + UUID.randomUUID();

    static ValidatableResponse refused(ValidatableResponse response, String error) {
        return response.statusCode(400)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("error", equalTo(error))
                .body("error_description", notNullValue())
                .body("errors", nullValue());
    }

    @Test
    void aValidAssertionGetsAnRs256AccessTokenWithTheClientsTenantAndScope() throws Exception {
        Client client = TestClients.create(tenant, "all", "webhooks");
        long before = Instant.now().getEpochSecond();
        String token = requestToken(assertion(client.clientId()).signedWith(client.secret()))
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .body("scope", equalTo("all webhooks"))
                .body("keySet()", containsInAnyOrder("access_token", "token_type", "expires_in", "scope"))
                .extract().path("access_token");
        long after = Instant.now().getEpochSecond();

        JwtContext verified = new JwtConsumerBuilder()
                .setVerificationKey(TestClients.platformPublicKey())
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(TestTokens.ISSUER)
                .setRequireSubject().setRequireExpirationTime().setRequireIssuedAt().setRequireJwtId()
                .build().process(token);
        assertEquals("RS256", verified.getJoseObjects().get(0).getAlgorithmHeaderValue());
        JwtClaims claims = verified.getJwtClaims();
        assertEquals("carehub", claims.getIssuer());
        assertEquals(client.clientId(), claims.getSubject());
        assertEquals(tenant, claims.getClaimValue("tenant"));
        assertEquals("all webhooks", claims.getClaimValue("scope"));
        long iat = claims.getIssuedAt().getValue();
        assertTrue(iat >= before && iat <= after, "iat " + iat + " is now");
        assertEquals(iat + 3600, claims.getExpirationTime().getValue());
        assertTrue(claims.getJwtId().matches(GUID), claims.getJwtId());
        assertEquals(client.id(), claims.getClaimValue("api_client_id"));
        assertEquals("live", claims.getClaimValue("environment"), "a client granted only live (the default)");
        assertEquals(List.of("live"), claims.getClaimValue("environments"));
        assertEquals(Set.of("iss", "sub", "api_client_id", "tenant", "environment", "environments", "scope", "exp", "iat", "jti"),
                claims.getClaimNames());
    }

    @Test
    void eachTokenHasItsOwnJti() {
        Client client = TestClients.create(tenant, "all");
        String first = TestClients.accessToken(client);
        String second = TestClients.accessToken(client);
        assertFalse(first.equals(second));
    }

    @Test
    void theBodyMayBeJsonWithTheSameTwoFields() {
        Client client = TestClients.create(tenant, "patients.read");
        String assertion = assertion(client.clientId()).signedWith(client.secret());
        given().contentType(ContentType.JSON)
                .body("{\"grant_type\": \"" + JWT_BEARER + "\", \"assertion\": \"" + assertion + "\"}")
                .post("/v1/token").then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("access_token", notNullValue())
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .body("scope", equalTo("patients.read"));
    }

    @Test
    void everyConfiguredAudienceIsAccepted() {
        Client client = TestClients.create(tenant, "all");
        requestToken(assertion(client.clientId()).claim("aud", "https://gateway.example.test/v1/token")
                .signedWith(client.secret())).statusCode(200);
        // aud may also be a list, as RFC 7519 allows: one accepted value is enough.
        requestToken(assertion(client.clientId()).claim("aud", List.of("https://elsewhere.example", TestClients.TOKEN_URL))
                .signedWith(client.secret())).statusCode(200);
    }

    @Test
    void theRequestedScopeIsGrantedWhenTheClientHoldsItAndAllCoversEveryCollectionScope() {
        Client client = TestClients.create(tenant, "all", "webhooks");
        requestToken(assertion(client.clientId()).scope("patients.read phone_numbers.write").signedWith(client.secret()))
                .statusCode(200).body("scope", equalTo("patients.read phone_numbers.write"));
        requestToken(assertion(client.clientId()).scope("webhooks").signedWith(client.secret()))
                .statusCode(200).body("scope", equalTo("webhooks"));
        requestToken(assertion(client.clientId()).scope("").signedWith(client.secret()))
                .statusCode(200).body("scope", equalTo("all webhooks"));
    }

    @Test
    void aScopeWiderThanTheClientsIsInvalidScope() {
        Client reader = TestClients.create(tenant, "patients.read");
        refused(requestToken(assertion(reader.clientId()).scope("patients.read patients.write")
                .signedWith(reader.secret())), "invalid_scope")
                .body("error_description", equalTo("the client may not have the scope patients.write"));
        refused(requestToken(assertion(reader.clientId()).scope("all").signedWith(reader.secret())), "invalid_scope");
        refused(requestToken(assertion(reader.clientId()).scope("nonsense").signedWith(reader.secret())), "invalid_scope")
                .body("error_description", equalTo("unknown scope nonsense"));
    }

    /** API.md §1: all grants everything except admin (and operator), webhooks included. */
    @Test
    void allCoversWebhooksButNeitherAdminNorOperator() {
        Client client = TestClients.create(tenant, "all");
        requestToken(assertion(client.clientId()).scope("webhooks").signedWith(client.secret()))
                .statusCode(200).body("scope", equalTo("webhooks"));
        requestToken(assertion(client.clientId()).scope("all webhooks patients.read").signedWith(client.secret()))
                .statusCode(200).body("scope", equalTo("all webhooks patients.read"));
        refused(requestToken(assertion(client.clientId()).scope("admin").signedWith(client.secret())), "invalid_scope")
                .body("error_description", equalTo("the client may not have the scope admin"));
        refused(requestToken(assertion(client.clientId()).scope("operator").signedWith(client.secret())), "invalid_scope")
                .body("error_description", equalTo("the client may not have the scope operator"));
        Client admin = TestClients.create(tenant, "admin");
        refused(requestToken(assertion(admin.clientId()).scope("operator").signedWith(admin.secret())), "invalid_scope");
    }

    /** API.md §1: a scope that does not exist is invalid_scope, even for a client holding all. */
    @Test
    void aScopeThatDoesNotExistIsInvalidScopeWhateverItsSpelling() {
        Client client = TestClients.create(tenant, "all", "admin", "webhooks");
        for (String scope : List.of("no_such_collection.read", "patients:read", "PATIENTS.read", "patients.delete",
                "patients.READ", "api_clients.read", "webhook_subscriptions.write", "Admin", ".read")) {
            refused(requestToken(assertion(client.clientId()).scope("patients.read " + scope).signedWith(client.secret())),
                    "invalid_scope").body("error_description", equalTo("unknown scope " + scope));
        }
        requestToken(assertion(client.clientId()).scope("patients.read calendar_events.write admin").signedWith(client.secret()))
                .statusCode(200).body("scope", equalTo("patients.read calendar_events.write admin"));
    }

    /** Issue 8 item 8: a JSON body giving a field twice is refused, like a form body doing so, never a 500. */
    @Test
    void aJsonBodyWithADuplicateKeyIsInvalidRequest() {
        Client client = TestClients.create(tenant, "all");
        String assertion = assertion(client.clientId()).signedWith(client.secret());
        refused(given().contentType(ContentType.JSON).body("{\"grant_type\": \"" + JWT_BEARER + "\", \"assertion\": \""
                + assertion + "\", \"assertion\": \"" + assertion + "\"}").post("/v1/token").then(), "invalid_request")
                .body("error_description", equalTo("the body gives a field more than once"));
        refused(given().contentType(ContentType.JSON).body("{\"grant_type\": \"x\", \"grant_type\": \"" + JWT_BEARER
                + "\", \"assertion\": \"" + assertion + "\"}").post("/v1/token").then(), "invalid_request");
        refused(given().contentType(ContentType.JSON).body("{\"grant_type\": \"" + JWT_BEARER + "\", \"assertion\": \""
                + assertion + "\", \"other\": {\"a\": 1, \"a\": 2}}").post("/v1/token").then(), "invalid_request");
        refused(given().contentType(ContentType.URLENC).body("grant_type=" + JWT_BEARER + "&assertion=" + assertion
                + "&assertion=" + assertion).post("/v1/token").then(), "invalid_request");
    }

    /** Bad input of every other kind is a 400 of RFC 6749, never a 500. */
    @Test
    void malformedTokenRequestsAre400NeverA500() {
        Client client = TestClients.create(tenant, "all");
        refused(given().contentType(ContentType.URLENC).body("grant_type=%zz&assertion=%").post("/v1/token").then(),
                "invalid_request");
        refused(given().contentType(ContentType.JSON).body("{\"grant_type\": \"" + JWT_BEARER + "\", \"assertion\": \"a\u0000b\"}")
                .post("/v1/token").then(), "invalid_request");
        refused(given().contentType(ContentType.JSON).body("{\"grant_type\": \"" + JWT_BEARER + "\", \"assertion\": \"a\\u0000b\"}")
                .post("/v1/token").then(), "invalid_grant");
        refused(given().contentType(ContentType.JSON).body("[".repeat(5000)).post("/v1/token").then(), "invalid_request");
        for (var claim : List.<Object[]>of(new Object[] { "exp", "tomorrow" }, new Object[] { "exp", 1e300 },
                new Object[] { "iat", "now" }, new Object[] { "jti", 7 }, new Object[] { "jti", "" }, new Object[] { "scope", 7 },
                new Object[] { "aud", 7 }, new Object[] { "nbf", "x" }, new Object[] { "exp", Long.MAX_VALUE })) {
            var answer = requestToken(assertion(client.clientId()).claim((String) claim[0], claim[1]).signedWith(client.secret()));
            answer.statusCode(400).body("error", org.hamcrest.Matchers.anyOf(equalTo("invalid_grant"), equalTo("invalid_scope")));
        }
        refused(requestToken(assertion(null).signedWith(client.secret())), "invalid_grant");
        refused(requestToken(assertion(client.clientId()).claim("iss", List.of(client.clientId())).signedWith(client.secret())),
                "invalid_grant");
    }

    @Test
    void anUnknownClientAndAWrongSecretAreRefusedAlikeWithoutSayingWhy() {
        Client client = TestClients.create(tenant, "all");
        String unknownClient = UUID.randomUUID().toString();
        String wrongSecret = "not-" + client.secret();
        refused(requestToken(assertion(unknownClient).signedWith(client.secret())), "invalid_grant")
                .body("error_description", equalTo(NOT_VALID));
        refused(requestToken(assertion(client.clientId()).signedWith(wrongSecret)), "invalid_grant")
                .body("error_description", equalTo(NOT_VALID))
                .body("error_description", not(containsString(client.clientId())))
                .body(not(containsString(wrongSecret)))
                .body(not(containsString(client.secret())));
    }

    @Test
    void anExpiredAssertionIsInvalidGrantButAMinuteOfSkewIsForgiven() {
        Client client = TestClients.create(tenant, "all");
        refused(requestToken(assertion(client.clientId()).expiresIn(-120).signedWith(client.secret())), "invalid_grant")
                .body("error_description", equalTo("the assertion has expired"));
        requestToken(assertion(client.clientId()).expiresIn(-30).signedWith(client.secret())).statusCode(200);
    }

    @Test
    void anExpMoreThanAnHourAheadIsInvalidGrant() {
        Client client = TestClients.create(tenant, "all");
        refused(requestToken(assertion(client.clientId()).expiresIn(3600 + 120).signedWith(client.secret())), "invalid_grant")
                .body("error_description", equalTo("the assertion's exp must be at most 1 hour ahead"));
        requestToken(assertion(client.clientId()).expiresIn(3600).signedWith(client.secret())).statusCode(200);
    }

    @Test
    void anAssertionWithoutExpIsInvalidGrant() {
        Client client = TestClients.create(tenant, "all");
        refused(requestToken(assertion(client.clientId()).without("exp").signedWith(client.secret())), "invalid_grant")
                .body("error_description", equalTo("the assertion must have an exp claim"));
    }

    @Test
    void anAssertionForAnotherAudienceOrNoneIsInvalidGrant() {
        Client client = TestClients.create(tenant, "all");
        refused(requestToken(assertion(client.clientId()).claim("aud", "https://evil.example/v1/token")
                .signedWith(client.secret())), "invalid_grant")
                .body("error_description", equalTo("the assertion's aud must be this token endpoint's URL"));
        refused(requestToken(assertion(client.clientId()).without("aud").signedWith(client.secret())), "invalid_grant");
    }

    @Test
    void anIatInTheFutureIsInvalidGrant() {
        Client client = TestClients.create(tenant, "all");
        refused(requestToken(assertion(client.clientId()).expiresIn(900).claim("iat", Instant.now().getEpochSecond() + 600)
                .signedWith(client.secret())), "invalid_grant")
                .body("error_description", equalTo("the assertion's iat is in the future"));
        requestToken(assertion(client.clientId()).claim("iat", Instant.now().getEpochSecond())
                .signedWith(client.secret())).statusCode(200);
    }

    @Test
    void onlyHs256IsAcceptedNeverAlgNone() {
        Client client = TestClients.create(tenant, "all");
        refused(requestToken(assertion(client.clientId()).unsigned()), "invalid_grant")
                .body("error_description", equalTo(NOT_VALID));
        refused(requestToken(assertion(client.clientId()).algorithm(AlgorithmIdentifiers.HMAC_SHA512)
                .signedWith(client.secret())), "invalid_grant")
                .body("error_description", equalTo(NOT_VALID));
    }

    @Test
    void somethingThatIsNotAJwtIsInvalidGrant() {
        refused(requestToken("not.a.jwt"), "invalid_grant").body("error_description", equalTo(NOT_VALID));
        refused(requestToken("garbage"), "invalid_grant");
    }

    /** client_credentials is a grant of this endpoint since API-CORE.md §C2 (ClientCredentialsTests); others are not. */
    @Test
    void aGrantTypeOtherThanJwtBearerOrClientCredentialsIsUnsupported() {
        refused(given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", "x").formParam("password", "y").post("/v1/token").then(),
                "unsupported_grant_type");
    }

    @Test
    void aMissingAssertionOrGrantTypeIsInvalidRequest() {
        refused(given().contentType(ContentType.URLENC).formParam("grant_type", JWT_BEARER).post("/v1/token").then(),
                "invalid_request").body("error_description", equalTo("assertion is required"));
        refused(given().contentType(ContentType.URLENC).formParam("assertion", "a.b.c").post("/v1/token").then(),
                "invalid_request").body("error_description", equalTo("grant_type is required"));
        refused(given().contentType(ContentType.JSON).body("{}").post("/v1/token").then(), "invalid_request");
        refused(given().contentType(ContentType.JSON).body("{\"grant_type\": 7}").post("/v1/token").then(), "invalid_request");
        refused(given().contentType(ContentType.JSON).body("{\"grant_type\": ").post("/v1/token").then(), "invalid_request");
        refused(given().contentType(ContentType.TEXT).body("grant_type=" + JWT_BEARER).post("/v1/token").then(),
                "invalid_request");
    }

    @Test
    void aReplayedJtiIsInvalidGrant() {
        Client client = TestClients.create(tenant, "all");
        String assertion = assertion(client.clientId()).jti(UUID.randomUUID().toString()).signedWith(client.secret());
        requestToken(assertion).statusCode(200);
        refused(requestToken(assertion), "invalid_grant")
                .body("error_description", equalTo("the assertion's jti was already used"));
        // An assertion without jti may be reused, but only within 5 minutes of its first use (ReplayGuardTests).
        String withoutJti = assertion(client.clientId()).expiresIn(3600).signedWith(client.secret());
        requestToken(withoutJti).statusCode(200);
        requestToken(withoutJti).statusCode(200);
    }

    @Test
    void aJtiIsRememberedPerClient() {
        String jti = UUID.randomUUID().toString();
        Client one = TestClients.create(tenant, "all");
        Client other = TestClients.create(tenant, "all");
        requestToken(assertion(one.clientId()).jti(jti).signedWith(one.secret())).statusCode(200);
        requestToken(assertion(other.clientId()).jti(jti).signedWith(other.secret())).statusCode(200);
    }

    @Test
    void ofConcurrentUsesOfOneJtiExactlyOneGetsAToken() throws Exception {
        Client client = TestClients.create(tenant, "all");
        String assertion = assertion(client.clientId()).jti(UUID.randomUUID().toString()).signedWith(client.secret());
        String form = "grant_type=" + URLEncoder.encode(JWT_BEARER, StandardCharsets.UTF_8) + "&assertion=" + assertion;
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create(tokenUrl.toString()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var answer : answers) {
            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            statuses.add(response.statusCode());
            if (response.statusCode() == 400) {
                assertTrue(response.body().contains("\"invalid_grant\""), response.body());
            }
        }
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
    }

    @Test
    void aDisabledClientGetsNoTokenUntilEnabledAgain() {
        Client client = TestClients.create(tenant, "all");
        setDisabled(client, true);
        refused(requestToken(assertion(client.clientId()).signedWith(client.secret())), "invalid_grant")
                .body("error_description", equalTo(NOT_VALID));
        setDisabled(client, false);
        requestToken(assertion(client.clientId()).signedWith(client.secret())).statusCode(200);
    }

    @Test
    void aDeletedClientGetsNoToken() {
        Client client = TestClients.create(tenant, "all");
        given().auth().oauth2(TestClients.operator()).delete("/v1/api_clients/" + client.id()).then().statusCode(200);
        refused(requestToken(assertion(client.clientId()).signedWith(client.secret())), "invalid_grant")
                .body("error_description", equalTo(NOT_VALID));
    }

    @Test
    void afterRotateSecretTheOldSecretIsRefusedAndTheNewOneWorks() {
        Client client = TestClients.create(tenant, "all");
        String newSecret = given().auth().oauth2(TestClients.operator()).post("/v1/api_clients/" + client.id() + "/rotate_secret")
                .then().statusCode(200).extract().path("data.client_secret");
        refused(requestToken(assertion(client.clientId()).signedWith(client.secret())), "invalid_grant")
                .body("error_description", equalTo(NOT_VALID));
        requestToken(assertion(client.clientId()).signedWith(newSecret)).statusCode(200);
    }

    @Test
    void theIssuedTokenOpensApiClientsOnlyWithAdmin() {
        Client admin = TestClients.create(tenant, "admin");
        Client notAdmin = TestClients.create(tenant, "all", "webhooks");
        given().auth().oauth2(TestClients.accessToken(admin)).get("/v1/api_clients/" + admin.id()).then()
                .statusCode(200).body("data.client_id", equalTo(admin.clientId()));
        given().auth().oauth2(TestClients.accessToken(notAdmin)).get("/v1/api_clients/" + admin.id()).then()
                .statusCode(403).body("errors[0].code", equalTo("forbidden"));
        given().get("/v1/api_clients").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("errors[0].code", equalTo("unauthorized"));
    }

    private static void setDisabled(Client client, boolean disabled) {
        given().auth().oauth2(TestClients.operator()).contentType(ContentType.JSON).body("{\"disabled\": " + disabled + "}")
                .put("/v1/api_clients/" + client.id()).then().statusCode(200).body("data.disabled", equalTo(disabled));
    }
}
