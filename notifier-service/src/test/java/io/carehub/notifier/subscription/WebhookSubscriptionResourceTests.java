package io.carehub.notifier.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestTokens;
import io.carehub.notifier.TestClients;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** API.md §4 (notifier-service): {@code /v1/webhook_subscriptions}, scope webhooks, each client its own. */
@QuarkusTest
class WebhookSubscriptionResourceTests {

    static final String GUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    static final String TIMESTAMP = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00$";

    final String tenant = "subs-" + UUID.randomUUID();
    /** A real client's: resources are checked against the scopes its client holds. */
    String token;

    @BeforeEach
    void aSubscriber() {
        token = TestClients.tokenOf(tenant, "webhooks", "patients.read", "phone_numbers.read");
    }

    static ValidatableResponse create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/v1/webhook_subscriptions").then();
    }

    ValidatableResponse update(String id, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/v1/webhook_subscriptions/" + id)
                .then();
    }

    String createSubscription(String body) {
        return create(token, body).statusCode(200).extract().path("data.id");
    }

    @Test
    void createReturnsTheSubscriptionWithAGeneratedSecretOnceAndDefaults() {
        String id = create(token, "{\"url\": \"https://ehr.example.com/hooks/carehub\"}")
                .statusCode(200)
                .header("Location", matchesPattern("^http://.*/v1/webhook_subscriptions/[0-9a-f-]{36}$"))
                .header("Cache-Control", "no-store")
                .body("data.id", matchesPattern(GUID))
                .body("data.url", equalTo("https://ehr.example.com/hooks/carehub"))
                .body("data.resources", nullValue())
                .body("data.active", equalTo(true))
                .body("data.client_id", equalTo("https://api.carehub.test"))
                .body("data.secret", matchesPattern("^whsec_[A-Za-z0-9+/]{43}=$"))
                .body("data.token_endpoint_url", nullValue())
                .body("data.last_success_at", nullValue())
                .body("data.last_failure_at", nullValue())
                .body("data.failure_count", equalTo(0))
                .body("data.disabled_reason", nullValue())
                .body("data.created_at", matchesPattern(TIMESTAMP))
                .body("data.updated_at", matchesPattern(TIMESTAMP))
                .extract().path("data.id");

        given().auth().oauth2(token).get("/v1/webhook_subscriptions/" + id).then().statusCode(200)
                .body("data.id", equalTo(id))
                .body("data", not(hasKey("secret")))
                .body("data", hasKey("last_success_at"))
                .body("data", hasKey("disabled_reason"));
    }

    @Test
    void aSuppliedSecretIsKeptAndNeverShown() {
        create(token, "{\"url\": \"https://ehr.example.com/h\", \"secret\": \"my-shared-secret\", \"client_id\": \"carehub-prod\","
                + " \"resources\": [\"patients\", \"phone_numbers\", \"patients\"], \"active\": false,"
                + " \"token_endpoint_url\": \"https://ehr.example.com/oauth/token\"}")
                .statusCode(200)
                .body("data", not(hasKey("secret")))
                .body("data.client_id", equalTo("carehub-prod"))
                .body("data.resources", contains("patients", "phone_numbers"))
                .body("data.active", equalTo(false))
                .body("data.token_endpoint_url", equalTo("https://ehr.example.com/oauth/token"));
    }

    @Test
    void badInputIsRefusedWithEveryErrorByPath() {
        create(token, "{\"resources\": [\"patients\", \"no_such_collection\"], \"active\": \"yes\", \"secret\": \"\","
                + " \"token_endpoint_url\": \"ftp://x.example.com/\", \"color\": \"red\"}")
                .statusCode(400)
                .body("errors.extra.path", containsInAnyOrder(".url", ".resources[1]", ".active", ".secret",
                        ".token_endpoint_url", ".color"));
        create(token, "{\"url\": \"mailto:someone@example.com\"}").statusCode(400)
                .body("errors[0].code", equalTo("bad_request")).body("errors[0].extra.path", equalTo(".url"));
        create(token, "{\"url\": \"/relative\"}").statusCode(400).body("errors[0].extra.path", equalTo(".url"));
        create(token, "{\"url\": \"https://h.example.com\", \"resources\": []}").statusCode(400)
                .body("errors[0].extra.path", equalTo(".resources"));
        create(token, "{\"url\": \"https://h.example.com\", \"secret\": \"whsec_***\"}").statusCode(400)
                .body("errors[0].extra.path", equalTo(".secret"));
        create(token, "[]").statusCode(400).body("errors[0].code", equalTo("parse_exception"));
    }

    @Test
    void updateChangesWhatIsGivenAndRefusesTheDeliveryState() {
        String id = createSubscription("{\"url\": \"https://a.example.com/h\", \"resources\": [\"patients\"]}");
        update(id, "{\"url\": \"https://b.example.com/h\", \"resources\": null, \"active\": false}").statusCode(200)
                .body("data.url", equalTo("https://b.example.com/h"))
                .body("data.resources", nullValue())
                .body("data.active", equalTo(false))
                .body("data", not(hasKey("secret")));
        update(id, "{\"failure_count\": 0, \"last_success_at\": null, \"id\": \"x\"}").statusCode(400)
                .body("errors.extra.path", containsInAnyOrder(".failure_count", ".last_success_at", ".id"));
        update(id, "{\"url\": null}").statusCode(400).body("errors[0].extra.path", equalTo(".url"));
        given().auth().oauth2(token).get("/v1/webhook_subscriptions/" + id).then().statusCode(200)
                .body("data.url", equalTo("https://b.example.com/h"));
    }

    @Test
    void deleteIsSoftAndFindIncludesDeletedOnlyWhenAsked() {
        String kept = createSubscription("{\"url\": \"https://a.example.com/kept\"}");
        String gone = createSubscription("{\"url\": \"https://a.example.com/gone\"}");
        given().auth().oauth2(token).delete("/v1/webhook_subscriptions/" + gone).then().statusCode(200)
                .body("data.id", equalTo(gone));
        given().auth().oauth2(token).get("/v1/webhook_subscriptions/" + gone).then().statusCode(404);
        given().auth().oauth2(token).delete("/v1/webhook_subscriptions/" + gone).then().statusCode(404);
        given().auth().oauth2(token).get("/v1/webhook_subscriptions").then().statusCode(200)
                .body("data.id", contains(kept));
        given().auth().oauth2(token).get("/v1/webhook_subscriptions?include_deleted=true").then().statusCode(200)
                .body("data.id", contains(kept, gone))
                .body("data.deleted", contains(false, true));
    }

    @Test
    void findPagesByUpdatedAtWithLinksAndFindByPostAgrees() {
        for (int i = 0; i < 3; i++) {
            createSubscription("{\"url\": \"https://a.example.com/" + i + "\"}");
        }
        String next = given().auth().oauth2(token).get("/v1/webhook_subscriptions?page[size]=2").then().statusCode(200)
                .body("data.size()", equalTo(2))
                .body("links.next.href", matchesPattern("^http://.*/v1/webhook_subscriptions\\?.*page%5Bafter%5D=.*|^http://.*/v1/webhook_subscriptions\\?.*page\\[after\\]=.*"))
                .extract().path("meta.next.'page[after]'");
        given().auth().oauth2(token).queryParam("page[size]", 2).queryParam("page[after]", next)
                .get("/v1/webhook_subscriptions").then().statusCode(200)
                .body("data.size()", equalTo(1)).body("links", not(hasKey("next")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"page[size]\": 5, \"active\": true}")
                .post("/v1/webhook_subscriptions/find").then().statusCode(200).body("data.size()", equalTo(3));
        given().auth().oauth2(token).get("/v1/webhook_subscriptions?page[size]=0").then().statusCode(400);
    }

    @Test
    void anotherClientsSubscriptionIsNotFoundEvenInTheSameTenant() {
        String id = createSubscription("{\"url\": \"https://a.example.com/mine\"}");
        TestClients.Client other = TestClients.create(tenant, "webhooks");
        String otherToken = TestClients.accessToken(other);
        given().auth().oauth2(otherToken).get("/v1/webhook_subscriptions/" + id).then().statusCode(404)
                .body("errors[0].code", equalTo("not_found"));
        given().auth().oauth2(otherToken).contentType(ContentType.JSON).body("{\"active\": false}")
                .put("/v1/webhook_subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(otherToken).delete("/v1/webhook_subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(otherToken).get("/v1/webhook_subscriptions/" + id + "/deliveries").then().statusCode(404);
        given().auth().oauth2(otherToken).post("/v1/webhook_subscriptions/" + id + "/redeliver?from=2024-01-01T00:00:00Z")
                .then().statusCode(404);
        given().auth().oauth2(otherToken).get("/v1/webhook_subscriptions").then().statusCode(200)
                .body("data.id", not(hasItem(id)));
        String otherTenant = TestTokens.token("elsewhere-" + UUID.randomUUID(), "webhooks");
        given().auth().oauth2(otherTenant).get("/v1/webhook_subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(token).get("/v1/webhook_subscriptions/not-a-guid").then().statusCode(404);
    }

    @Test
    void needsTheWebhooksScopeOrAll() {
        given().auth().oauth2(TestTokens.token(tenant, "patients.read")).get("/v1/webhook_subscriptions").then()
                .statusCode(403).body("errors[0].code", equalTo("forbidden"));
        given().auth().oauth2(TestTokens.token(tenant, "admin")).contentType(ContentType.JSON)
                .body("{\"url\": \"https://a.example.com/h\"}").post("/v1/webhook_subscriptions").then().statusCode(403);
        given().get("/v1/webhook_subscriptions").then().statusCode(401);
    }

    /** API.md §1: all grants everything except admin (and operator), webhooks included. */
    @Test
    void anAllTokenManagesItsOwnSubscriptionsAndGets403OnApiClients() {
        TestClients.Client client = TestClients.create(tenant, "all");
        String all = TestClients.accessToken(client);
        String id = create(all, "{\"url\": \"https://a.example.com/all\", \"resources\": [\"patients\", \"workers\"]}")
                .statusCode(200).body("data.resources", contains("patients", "workers")).extract().path("data.id");
        given().auth().oauth2(all).get("/v1/webhook_subscriptions/" + id).then().statusCode(200)
                .body("data.url", equalTo("https://a.example.com/all"));
        given().auth().oauth2(all).contentType(ContentType.JSON).body("{\"active\": false}")
                .put("/v1/webhook_subscriptions/" + id).then().statusCode(200).body("data.active", equalTo(false));
        given().auth().oauth2(all).get("/v1/webhook_subscriptions").then().statusCode(200).body("data.id", contains(id));
        given().auth().oauth2(all).delete("/v1/webhook_subscriptions/" + id).then().statusCode(200);
        given().auth().oauth2(all).get("/v1/api_clients").then().statusCode(403).body("errors[0].code", equalTo("forbidden"));
        given().auth().oauth2(all).get("/v1/api_clients/" + client.id()).then().statusCode(403);
    }

    /** Issue 7 item 4: a subscription may name only collections its client may read (all never reads api_clients). */
    @Test
    void resourcesNamingACollectionTheClientMayNotReadAre400AtTheirIndex() {
        String all = TestClients.tokenOf(tenant, "all", "webhooks");
        create(all, "{\"url\": \"https://a.example.com/h\", \"resources\": [\"api_clients\"]}").statusCode(400)
                .body("errors.size()", equalTo(1))
                .body("errors[0].code", equalTo("bad_request"))
                .body("errors[0].extra.path", equalTo(".resources[0]"))
                .body("errors[0].detail", equalTo("resources[0] names api_clients, which this client may not read"));
        create(token, "{\"url\": \"https://a.example.com/h\", \"resources\": [\"patients\", \"workers\", \"api_clients\"]}")
                .statusCode(400)
                .body("errors.extra.path", contains(".resources[1]", ".resources[2]"));
        String id = createSubscription("{\"url\": \"https://a.example.com/h\", \"resources\": [\"patients\"]}");
        update(id, "{\"resources\": [\"phone_numbers\", \"calendars\"]}").statusCode(400)
                .body("errors.extra.path", contains(".resources[1]"));
        given().auth().oauth2(token).get("/v1/webhook_subscriptions/" + id).then().statusCode(200)
                .body("data.resources", contains("patients"));
        // The scopes the client holds count, not those of a token narrowed to webhooks.
        TestClients.Client reader = TestClients.create(tenant, "webhooks", "patients.read");
        String narrowed = TestClients.requestToken(TestClients.assertion(reader.clientId()).scope("webhooks")
                .signedWith(reader.secret())).statusCode(200).extract().path("access_token");
        create(narrowed, "{\"url\": \"https://a.example.com/h\", \"resources\": [\"patients\"]}").statusCode(200);
        // admin (and operator) read api_clients.
        String admin = TestClients.tokenOf(tenant, "admin", "webhooks");
        create(admin, "{\"url\": \"https://a.example.com/h\", \"resources\": [\"api_clients\"]}").statusCode(200);
        create(admin, "{\"url\": \"https://a.example.com/h\", \"resources\": [\"patients\"]}").statusCode(400)
                .body("errors[0].extra.path", equalTo(".resources[0]"));
        // A token whose client the notifier does not know (minted, or of a deleted client) may read nothing.
        create(TestTokens.token(tenant, "all"), "{\"url\": \"https://a.example.com/h\", \"resources\": [\"patients\"]}")
                .statusCode(400).body("errors[0].extra.path", equalTo(".resources[0]"));
    }

    /** Issue 8 item 2: WEBHOOK_MAX_SUBSCRIPTIONS_PER_TENANT (100 by default) live subscriptions per tenant. */
    @Test
    void aTenantHasAtMostTheConfiguredNumberOfLiveSubscriptions() {
        String other = TestClients.tokenOf(tenant, "webhooks");
        String last = null;
        for (int i = 0; i < 100; i++) {
            last = create(i % 2 == 0 ? token : other, "{\"url\": \"https://a.example.com/" + i + "\", \"active\": false}")
                    .statusCode(200).extract().path("data.id");
        }
        create(other, "{\"url\": \"https://a.example.com/one-too-many\"}").statusCode(400)
                .body("errors.size()", equalTo(1))
                .body("errors[0].code", equalTo("bad_request"))
                .body("errors[0].detail", equalTo("this tenant has 100 webhook subscriptions, the most it may have (100);"
                        + " delete one first"));
        // Another tenant is not held back by this one's.
        create(TestClients.tokenOf("subs-" + UUID.randomUUID(), "webhooks"), "{\"url\": \"https://a.example.com/x\"}")
                .statusCode(200);
        given().auth().oauth2(other).delete("/v1/webhook_subscriptions/" + last).then().statusCode(200);
        create(token, "{\"url\": \"https://a.example.com/in-its-place\"}").statusCode(200);
        create(token, "{\"url\": \"https://a.example.com/again-too-many\"}").statusCode(400);
    }

    @Test
    void redeliverNeedsAPastFromAndDeliveriesPageLikeFind() {
        String id = createSubscription("{\"url\": \"https://a.example.com/h\", \"active\": false}");
        given().auth().oauth2(token).post("/v1/webhook_subscriptions/" + id + "/redeliver").then().statusCode(400)
                .body("errors[0].extra.path", equalTo("from"));
        given().auth().oauth2(token).post("/v1/webhook_subscriptions/" + id + "/redeliver?from=yesterday").then()
                .statusCode(400);
        given().auth().oauth2(token).post("/v1/webhook_subscriptions/" + id + "/redeliver?from=2999-01-01T00:00:00Z").then()
                .statusCode(400);
        given().auth().oauth2(token).post("/v1/webhook_subscriptions/" + id + "/redeliver?from=2024-01-01T00:00:00Z").then()
                .statusCode(200).body("data.id", equalTo(id));
        given().auth().oauth2(token).get("/v1/webhook_subscriptions/" + id + "/deliveries").then().statusCode(200)
                .body("data.size()", equalTo(0)).body("links.current.href", matchesPattern(".*/deliveries.*"));
    }
}
