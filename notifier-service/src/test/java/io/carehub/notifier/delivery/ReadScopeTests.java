package io.carehub.notifier.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.carehub.commons.web.Timestamps;
import io.carehub.notifier.TestClients;
import io.carehub.notifier.TestEvents;
import io.carehub.notifier.TestReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * API.md §7: a subscriber hears only of what its client may read at delivery time, by the scopes the client
 * holds now: never of api_clients without admin or operator, no longer of a collection its client lost (what
 * was pending of it is dropped, not sent); and a disabled or deleted client's subscriptions are not delivered.
 */
@QuarkusTest
class ReadScopeTests {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final String PATIENTS_TOPIC = "patients-service.changes";
    static final String NOTIFIER_TOPIC = "notifier-service.changes";

    @Inject
    Pool pool;

    final String tenant = "scopes-" + UUID.randomUUID();

    record Subscriber(TestClients.Client client, String token, TestReceiver.Endpoint hook, String subscriptionId) {
    }

    Subscriber subscriber(String resources, String... scopes) {
        TestClients.Client client = TestClients.create(tenant, scopes);
        String token = TestClients.accessToken(client);
        TestReceiver.Endpoint hook = TestReceiver.endpoint();
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"url\": \"" + hook.url() + "\", \"resources\": " + resources + "}")
                .post("/v1/webhook_subscriptions").then().statusCode(200).extract().path("data.id");
        return new Subscriber(client, token, hook, id);
    }

    Instant change(String topic, String resource) {
        Instant t = TestEvents.now();
        TestEvents.publish(topic, tenant, resource, UUID.randomUUID().toString(), t);
        return t;
    }

    static TestReceiver.Request awaitRange(TestReceiver.Endpoint hook, String resource, Instant t) {
        return hook.await(r -> r.answered() == 200 && ranges(r).stream().anyMatch(range -> range.get("resource").equals(resource)
                && !Timestamps.parse(range.get("from")).orElseThrow().isAfter(t)
                && !Timestamps.parse(range.get("to")).orElseThrow().isBefore(t)), DEADLINE);
    }

    static List<Map<String, String>> ranges(TestReceiver.Request r) {
        return NotificationTests.ranges(r);
    }

    static boolean mentions(List<TestReceiver.Request> requests, String resource) {
        return requests.stream().anyMatch(r -> ranges(r).stream().anyMatch(range -> range.get("resource").equals(resource)));
    }

    @Test
    void aClientWithAllButNotAdminNeverHearsOfApiClientsWhileAnAdminDoes() {
        Subscriber all = subscriber("null", "all", "webhooks");
        Subscriber admin = subscriber("null", "all", "admin", "webhooks");
        Instant last = null;
        for (int i = 0; i < 4; i++) {
            change(NOTIFIER_TOPIC, "api_clients");
            last = change(PATIENTS_TOPIC, "patients");
        }
        Instant lastApiClients = change(NOTIFIER_TOPIC, "api_clients");
        awaitRange(admin.hook(), "api_clients", lastApiClients);
        awaitRange(all.hook(), "patients", last);
        // Its later notifications (those of the last api_clients change would have come with them) name none.
        Instant after = change(PATIENTS_TOPIC, "patients");
        awaitRange(all.hook(), "patients", after);
        assertFalse(mentions(all.hook().requests(), "api_clients"), "all without admin is never pinged about api_clients");
        assertTrue(mentions(admin.hook().requests(), "patients"));
    }

    @Test
    void aClientThatLosesPatientsReadStopsHearingOfPatientsAndWhatWasPendingOfThemIsDropped() {
        Subscriber s = subscriber("[\"patients\", \"phone_numbers\"]", "patients.read", "phone_numbers.read", "webhooks");
        Instant before = change(PATIENTS_TOPIC, "patients");
        awaitRange(s.hook(), "patients", before);

        // A change of patients meets a failing receiver: it stays in flight, retried and retried.
        s.hook().answer(500);
        Instant inFlight = change(PATIENTS_TOPIC, "patients");
        s.hook().await(r -> r.answered() == 500 && r.body().contains(Timestamps.format(inFlight)), DEADLINE);
        given().auth().oauth2(TestClients.operator()).contentType(ContentType.JSON)
                .body("{\"scopes\": [\"phone_numbers.read\", \"webhooks\"]}")
                .put("/v1/api_clients/" + s.client().id()).then().statusCode(200);
        // The next attempt drops it (an attempt prepared before the change of scopes ends before that one starts).
        awaitNoPatientsRange(s);
        int narrowedAt = s.hook().requests().size();
        s.hook().answer(200);
        Instant lost = change(PATIENTS_TOPIC, "patients");
        Instant phones = change(PATIENTS_TOPIC, "phone_numbers");
        awaitRange(s.hook(), "phone_numbers", phones);
        awaitNoPatientsRange(s);

        List<TestReceiver.Request> since = s.hook().requests().subList(narrowedAt, s.hook().requests().size());
        assertFalse(mentions(since, "patients"), "no notification names patients once the client lost patients.read");
        assertTrue(since.stream().noneMatch(r -> r.body().contains(Timestamps.format(inFlight))
                || r.body().contains(Timestamps.format(lost))));
    }

    /**
     * API-CORE.md §C9: a subscriber whose roles do not let it read a collection hears nothing of it, by its roles as they
     * are when each notification is prepared: a policy widened, and it hears of the collection again.
     */
    @Test
    void aSubscriberWithRolesHearsOnlyOfWhatItsRolesLetItReadNow() {
        String admin = io.carehub.commons.testing.TestTokens.token(tenant, "admin");
        String policy = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": \"tasks_only\", \"rules\":"
                + " [{\"resource\": \"patient_tasks\", \"operations\": {\"read\": [\"*\"]}}]}")
                .post("/v1/security_policies").then().statusCode(200).extract().path("data.id");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"tasks_reader\", \"policies\": [\"tasks_only\"]}").post("/v1/roles").then().statusCode(200);
        Subscriber s = subscriber("[\"patients\", \"patient_tasks\"]", "all", "webhooks");
        given().auth().oauth2(TestClients.operator()).contentType(ContentType.JSON).body("{\"roles\": [\"tasks_reader\"]}")
                .put("/v1/api_clients/" + s.client().id()).then().statusCode(200);

        change(PATIENTS_TOPIC, "patients");
        Instant tasks = change("assessments-service.changes", "patient_tasks");
        awaitRange(s.hook(), "patient_tasks", tasks);
        awaitNoPatientsRange(s);
        assertFalse(mentions(s.hook().requests(), "patients"), "its roles do not let it read patients");

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"rules\": [{\"resource\": \"patient_tasks\","
                + " \"operations\": {\"read\": [\"*\"]}}, {\"resource\": \"patients\", \"operations\": {\"read\": [\"id\"]}}]}")
                .put("/v1/security_policies/" + policy).then().statusCode(200);
        Instant patients = change(PATIENTS_TOPIC, "patients");
        awaitRange(s.hook(), "patients", patients);
    }

    void awaitNoPatientsRange(Subscriber s) {
        Instant end = Instant.now().plus(DEADLINE);
        while (count("SELECT count(*) AS n FROM (SELECT resource FROM pending_ranges WHERE subscription_id = $1"
                + " UNION ALL SELECT resource FROM inflight_ranges WHERE subscription_id = $1) r WHERE resource = 'patients'",
                s.subscriptionId()) > 0) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("the ranges of patients were not dropped within " + DEADLINE);
            }
        }
    }

    @Test
    void subscriptionsOfDisabledAndDeletedClientsAreNotDeliveredAndResumeWhenEnabledAgain() {
        Subscriber live = subscriber("[\"patients\"]", "all", "webhooks");
        Subscriber disabled = subscriber("[\"patients\"]", "all", "webhooks");
        Subscriber deleted = subscriber("[\"patients\"]", "all", "webhooks");
        given().auth().oauth2(TestClients.operator()).contentType(ContentType.JSON).body("{\"disabled\": true}")
                .put("/v1/api_clients/" + disabled.client().id()).then().statusCode(200);
        given().auth().oauth2(TestClients.operator()).delete("/v1/api_clients/" + deleted.client().id()).then().statusCode(200);

        Instant first = change(PATIENTS_TOPIC, "patients");
        awaitRange(live.hook(), "patients", first);
        // Another change delivered after it: the dispatcher has long passed the others' due time.
        Instant second = change(PATIENTS_TOPIC, "patients");
        awaitRange(live.hook(), "patients", second);
        assertEquals(List.of(), disabled.hook().requests());
        assertEquals(List.of(), deleted.hook().requests());
        for (Subscriber s : List.of(disabled, deleted)) {
            assertEquals(0L, count("SELECT count(*) AS n FROM webhook_deliveries WHERE subscription_id = $1", s.subscriptionId()),
                    "never attempted");
            assertEquals(1L, count("SELECT count(*) AS n FROM pending_ranges WHERE subscription_id = $1", s.subscriptionId()),
                    "its changes wait, unclaimed");
        }

        // What held it back was its client: enabled again, it hears of what it missed.
        given().auth().oauth2(TestClients.operator()).contentType(ContentType.JSON).body("{\"disabled\": false}")
                .put("/v1/api_clients/" + disabled.client().id()).then().statusCode(200);
        awaitRange(disabled.hook(), "patients", first);
        assertEquals(List.of(), deleted.hook().requests());
    }

    long count(String sql, String subscriptionId) {
        return pool.preparedQuery(sql).execute(Tuple.of(UUID.fromString(subscriptionId))).await().atMost(DEADLINE).iterator()
                .next().getLong("n");
    }
}
