package io.carehub.patients.events;

import static io.carehub.patients.TestApi.createPatient;
import static io.carehub.patients.TestApi.get;
import static io.carehub.patients.TestApi.grace;
import static io.carehub.patients.TestApi.post;
import static io.carehub.patients.TestApi.put;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.testing.TestTokens;
import io.carehub.patients.TestApi;
import io.carehub.patients.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** A patient's coach_id must name a worker of the tenant, as scheduling-service's change events made it known. */
@QuarkusTest
class WorkerEventsConsumerTests {

    @Inject
    Pool pool;

    final String tenant = TestApi.newTenant("coach");
    final String all = TestTokens.token(tenant, "all");

    @Test
    void aWorkerCanCoachAPatientOnceItsCreatedEventHasArrived() {
        UUID worker = TestEvents.publishWorkerCreated(tenant);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        ExtractableResponse<Response> created;
        while (true) {
            created = post(all, "/v1/patients", grace("coach_id", worker.toString())).extract();
            if (created.statusCode() != 404 || Instant.now().isAfter(deadline)) {
                break;
            }
            // Not known yet (eventual consistency): refused as any unknown worker, and nothing stored.
            assertEquals("resource_not_found", created.path("errors[0].code"));
        }
        assertEquals(200, created.statusCode(), created.asString());
        String id = created.path("data.id");
        assertEquals(worker.toString(), created.path("data.coach_id"));
        get(all, "/v1/patients/" + id).statusCode(200).body("data.coach_id", equalTo(worker.toString()));
        get(all, "/v1/patients").statusCode(200).body("data.size()", equalTo(1));
    }

    @Test
    void anUnknownCoachIsResourceNotFoundAndNothingIsStored() {
        post(all, "/v1/patients", grace("coach_id", UUID.randomUUID().toString(),
                "phone", "555-555-5555")).statusCode(404)
                .body("errors.size()", equalTo(1))
                .body("errors[0].status", equalTo(404))
                .body("errors[0].code", equalTo("resource_not_found"))
                .body("errors[0].extra.path", equalTo(".coach_id"));
        get(all, "/v1/patients").statusCode(200).body("data.size()", equalTo(0));
        get(all, "/v1/phone_numbers").statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void anotherTenantsWorkerCannotCoach() {
        UUID strangersWorker = TestEvents.knownWorker(pool, TestApi.newTenant("stranger"));
        post(all, "/v1/patients", grace("coach_id", strangersWorker.toString())).statusCode(404)
                .body("errors[0].code", equalTo("resource_not_found"))
                .body("errors[0].extra.path", equalTo(".coach_id"));
        String id = createPatient(all);
        put(all, "/v1/patients/" + id, "{\"coach_id\": \"" + strangersWorker + "\"}").statusCode(404)
                .body("errors[0].code", equalTo("resource_not_found"))
                .body("errors[0].extra.path", equalTo(".coach_id"));
        get(all, "/v1/patients/" + id).statusCode(200).body("data.coach_id", nullValue());
    }

    @Test
    void updateChecksTheNewCoachAndNullRemovesTheCoach() {
        UUID worker = TestEvents.knownWorker(pool, tenant);
        String id = createPatient(all);
        put(all, "/v1/patients/" + id, "{\"coach_id\": \"" + UUID.randomUUID() + "\"}").statusCode(404)
                .body("errors[0].code", equalTo("resource_not_found"));
        put(all, "/v1/patients/" + id, "{\"coach_id\": \"" + worker + "\"}").statusCode(200)
                .body("data.coach_id", equalTo(worker.toString()));
        put(all, "/v1/patients/" + id, "{\"coach_id\": null}").statusCode(200)
                .body("data.coach_id", nullValue());
    }

    @Test
    void redeliveredUnreadableAndOtherResourcesEventsDoNoHarm() {
        UUID worker = UUID.randomUUID();
        UUID calendar = UUID.randomUUID();
        UUID sentinel = UUID.randomUUID();
        // One key, so one partition: the consumer meets them in this order.
        String key = worker.toString();
        String created = TestEvents.workerEvent(tenant, worker, "created").toString();
        TestEvents.publish(TestEvents.WORKERS_TOPIC, key, "this is not JSON");
        TestEvents.publish(TestEvents.WORKERS_TOPIC, key, "{\"specversion\": \"1.0\"}");
        TestEvents.publish(TestEvents.WORKERS_TOPIC, key, calendarEvent(calendar));
        TestEvents.publish(TestEvents.WORKERS_TOPIC, key, created);
        TestEvents.publish(TestEvents.WORKERS_TOPIC, key, created);
        TestEvents.publish(TestEvents.WORKERS_TOPIC, key, TestEvents.workerEvent(tenant, worker, "updated").toString());
        TestEvents.publish(TestEvents.WORKERS_TOPIC, key, TestEvents.workerEvent(tenant, sentinel, "created").toString());
        TestEvents.awaitKnown(pool, tenant, sentinel);
        assertEquals(1L, count(worker), "stored once however often it came");
        assertFalse(TestEvents.isKnown(pool, tenant, calendar), "a calendar is not a worker");
        createPatient(all, grace("coach_id", worker.toString()));
    }

    private String calendarEvent(UUID calendar) {
        ObjectNode event = TestEvents.workerEvent(tenant, calendar, "created").put("type", "calendars.created");
        ((ObjectNode) event.get("data")).put("resource", "calendars");
        return event.toString();
    }

    private long count(UUID worker) {
        return pool.preparedQuery("SELECT count(*) AS n FROM known_workers WHERE tenant = $1 AND worker_id = $2")
                .execute(Tuple.of(tenant, worker)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("n");
    }
}
