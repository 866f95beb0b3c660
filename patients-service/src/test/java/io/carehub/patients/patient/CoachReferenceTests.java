package io.carehub.patients.patient;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static io.carehub.patients.TestApi.createPatient;
import static io.carehub.patients.TestApi.grace;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.references.KnownReferences;
import io.carehub.commons.references.ReferenceFeed;
import io.carehub.commons.references.ReferencesConfig;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestKafka;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.carehub.patients.TestEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A patient's coach_id must name a worker of the tenant (scheduling-service's), checked by the shared reference
 * mechanism: the workers known from scheduling-service's change events, else scheduling-service itself.
 */
@QuarkusTest
class CoachReferenceTests {

    @Inject
    Pool pool;

    @Inject
    KnownReferences known;

    @Inject
    ReferencesConfig referencesConfig;

    @Inject
    ReferenceFeed feed;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    final String tenant = TestHttp.newTenant("coach");
    final String all = TestTokens.token(tenant, "all");

    @Test
    void aWorkerCreatedAMomentAgoCoachesAtOnce200TimesInARow() {
        assertEquals(0, refusalsOf200CreatesWithANewWorkerEach());
    }

    @Test
    void aWorkerCreatedAMomentAgoCoachesAtOnceWhileKafkaIsDown() throws Exception {
        TestKafka.stopBroker();
        try {
            assertEquals(0, refusalsOf200CreatesWithANewWorkerEach());
        } finally {
            TestKafka.startBroker();
        }
    }

    /** "Creates a worker" at the owner (its event not yet published) and at once a patient coached by it. */
    private int refusalsOf200CreatesWithANewWorkerEach() {
        int refused = 0;
        for (int i = 0; i < 200; i++) {
            UUID worker = TestOwners.create("workers", tenant);
            var created = post(all, "/v1/patients", grace("coach_id", worker.toString())).extract();
            if (created.statusCode() != 200 || !worker.toString().equals(created.path("data.coach_id"))) {
                refused++;
            }
        }
        return refused;
    }

    @Test
    void aPatientWithWritesOnlyMayStillNameACoach() {
        UUID worker = TestOwners.create("workers", tenant);
        post(TestTokens.token(tenant, "patients.write"), "/v1/patients", grace("coach_id", worker.toString()))
                .statusCode(200).body("data.id", org.hamcrest.Matchers.notNullValue());
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
    void anOwnerThatCannotBeAskedIs503WithRetryAfterNotAFalse404() {
        UUID knownFromEvents = TestEvents.knownWorker(pool, tenant);
        TestOwners.unreachable(true);
        try {
            post(all, "/v1/patients", grace("coach_id", UUID.randomUUID().toString())).statusCode(503)
                    .header("Retry-After", "5")
                    .body("errors.size()", equalTo(1))
                    .body("errors[0].status", equalTo(503))
                    .body("errors[0].code", equalTo("service_unavailable"));
            get(all, "/v1/patients").statusCode(200).body("data.size()", equalTo(0));
            // What the events made known needs no owner.
            createPatient(all, grace("coach_id", knownFromEvents.toString()));
        } finally {
            TestOwners.unreachable(false);
        }
    }

    @Test
    void whatTheOwnerConfirmedIsRememberedAndNotAskedAgain() {
        UUID worker = TestOwners.create("workers", tenant);
        createPatient(all, grace("coach_id", worker.toString()));
        assertTrue(TestEvents.isKnown(pool, tenant, worker));
        int asked = TestOwners.asked();
        createPatient(all, grace("coach_id", worker.toString()));
        assertEquals(asked, TestOwners.asked(), "a known worker is not asked about again");
    }

    @Test
    void anotherTenantsWorkerCannotCoach() {
        String stranger = TestHttp.newTenant("stranger");
        UUID strangersWorker = TestEvents.knownWorker(pool, stranger);
        UUID strangersNewWorker = TestOwners.create("workers", stranger);
        for (UUID worker : List.of(strangersWorker, strangersNewWorker)) {
            post(all, "/v1/patients", grace("coach_id", worker.toString())).statusCode(404)
                    .body("errors[0].code", equalTo("resource_not_found"))
                    .body("errors[0].extra.path", equalTo(".coach_id"));
        }
        String id = createPatient(all);
        put(all, "/v1/patients/" + id, "{\"coach_id\": \"" + strangersWorker + "\"}").statusCode(404)
                .body("errors[0].code", equalTo("resource_not_found"))
                .body("errors[0].extra.path", equalTo(".coach_id"));
        get(all, "/v1/patients/" + id).statusCode(200).body("data.coach_id", nullValue());
    }

    @Test
    void updateChecksTheNewCoachAndNullRemovesTheCoach() {
        UUID worker = TestOwners.create("workers", tenant);
        String id = createPatient(all);
        put(all, "/v1/patients/" + id, "{\"coach_id\": \"" + UUID.randomUUID() + "\"}").statusCode(404)
                .body("errors[0].code", equalTo("resource_not_found"));
        put(all, "/v1/patients/" + id, "{\"coach_id\": \"" + worker + "\"}").statusCode(200)
                .body("data.coach_id", equalTo(worker.toString()));
        put(all, "/v1/patients/" + id, "{\"coach_id\": null}").statusCode(200)
                .body("data.coach_id", nullValue());
    }

    @Test
    void aDeletedWorkerIsForgottenAndNoLongerCoaches() {
        UUID worker = TestEvents.knownWorker(pool, tenant);
        TestEvents.publish(TestEvents.WORKERS_TOPIC, worker.toString(), TestEvents.workerEvent(tenant, worker, "deleted").toString());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (TestEvents.isKnown(pool, tenant, worker)) {
            assertTrue(Instant.now().isBefore(deadline), "the deleted event was not applied in time");
            TestEvents.pause();
        }
        post(all, "/v1/patients", grace("coach_id", worker.toString())).statusCode(404)
                .body("errors[0].extra.path", equalTo(".coach_id"));
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
        assertEquals(1L, count("workers", worker), "stored once however often it came");
        assertEquals(0L, count("calendars", calendar), "calendars are not a referenced collection here");
        TestOwners.unreachable(true);
        try {
            createPatient(all, grace("coach_id", worker.toString()));
        } finally {
            TestOwners.unreachable(false);
        }
    }

    /** A service started on an empty database (a new consumer group) learns every worker ever made from the compacted topic. */
    @Test
    void aFreshConsumerGroupLearnsEveryWorker() {
        String fresh = TestHttp.newTenant("fresh");
        List<UUID> workers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            UUID id = UUID.randomUUID();
            workers.add(id);
            TestEvents.publish(TestEvents.WORKERS_TOPIC, id.toString(), TestEvents.workerEvent(fresh, id, "created").toString());
            if (i % 3 == 0) {
                TestEvents.publish(TestEvents.WORKERS_TOPIC, id.toString(), TestEvents.workerEvent(fresh, id, "updated").toString());
            }
        }
        TestEvents.awaitKnown(pool, fresh, workers.get(workers.size() - 1));
        feed.stop();
        ReferenceFeed newcomer = new ReferenceFeed(known, referencesConfig, "patients-service-rebuilt-" + UUID.randomUUID(),
                new SimpleMeterRegistry(), bootstrapServers);
        try {
            pool.preparedQuery("DELETE FROM known_references WHERE tenant = $1").execute(Tuple.of(fresh))
                    .await().atMost(Duration.ofSeconds(10));
            assertFalse(TestEvents.isKnown(pool, fresh, workers.get(0)));
            newcomer.start();
            for (UUID worker : workers) {
                TestEvents.awaitKnown(pool, fresh, worker);
            }
        } finally {
            newcomer.stop();
            feed.start();
        }
    }

    @Test
    void changeTopicsAreCompacted() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(p)) {
            // This service's own topic, made compacted by its outbox relay at start.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            String policy = null;
            while (Instant.now().isBefore(deadline)) {
                policy = cleanupPolicy(admin, TestEvents.TOPIC);
                if (TopicConfig.CLEANUP_POLICY_COMPACT.equals(policy)) {
                    break;
                }
                TestEvents.pause();
            }
            assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, policy);
            TestEvents.publishWorkerCreated(tenant);
            assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, cleanupPolicy(admin, TestEvents.WORKERS_TOPIC));
        }
    }

    private static String cleanupPolicy(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            return admin.describeConfigs(Set.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        } catch (java.util.concurrent.ExecutionException e) {
            return null; // not made yet
        }
    }

    private String calendarEvent(UUID calendar) {
        ObjectNode event = TestEvents.workerEvent(tenant, calendar, "created").put("type", "calendars.created");
        ((ObjectNode) event.get("data")).put("resource", "calendars");
        return event.toString();
    }

    private long count(String collection, UUID id) {
        return pool.preparedQuery("SELECT count(*) AS n FROM known_references WHERE collection = $1 AND tenant = $2 AND id = $3")
                .execute(Tuple.of(collection, tenant, id)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("n");
    }
}
