package io.carehub.patients.patient;

import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static io.carehub.patients.TestApi.createPatient;
import static io.carehub.patients.TestApi.grace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.outbox.OutboxRelay;
import io.carehub.commons.testing.TestChangeEvents;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestKafka;
import io.carehub.commons.testing.TestTokens;
import io.carehub.patients.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** API.md §6: one CloudEvent per created or updated record, through the transactional outbox. */
@QuarkusTest
class PatientEventsTests {

    final String tenant = TestHttp.newTenant("events");
    final String all = TestTokens.token(tenant, "all");

    @Inject
    Pool pool;
    @Inject
    OutboxRelay relay;

    /**
     * Of several instances of a service, one relays at a time (the relay's advisory lock), so that the outbox reaches
     * Kafka in the order it was written. Here the test holds that lock, as another instance relaying would: the event
     * of a new patient stays in the outbox, through the commit's NOTIFY and the relay's polls, until the lock is let go.
     */
    @Test
    void whileAnotherInstanceRelaysThisOneLeavesTheOutboxToIt() {
        SqlConnection otherRelay = pool.getConnectionAndAwait();
        try {
            otherRelay.query("BEGIN").executeAndAwait();
            otherRelay.preparedQuery("SELECT pg_advisory_xact_lock($1)").executeAndAwait(Tuple.of(OutboxRelay.RELAY_LOCK));
            UUID id = UUID.fromString(createPatient(all, grace()));
            Instant heldUntil = Instant.now().plusMillis(2500); // the NOTIFY and two polls (every second) of the relay
            while (Instant.now().isBefore(heldUntil)) {
                assertEquals(1, pendingEvents(id), "the event waits for the instance that holds the relay lock");
                TestChangeEvents.pause();
            }
            otherRelay.query("ROLLBACK").executeAndAwait();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (pendingEvents(id) > 0) {
                assertTrue(Instant.now().isBefore(deadline), "relayed once the lock was let go");
                TestChangeEvents.pause();
            }
        } finally {
            otherRelay.closeAndAwait();
        }
    }

    /**
     * A relay stopped (as on SIGTERM) while a batch is in progress finishes that batch before it closes: the rows it
     * published are deleted, not left in the outbox to be published again at the next start. The test holds the
     * batch between Kafka's acks and its DELETE (a SHARE lock on outbox_events, which the DELETE waits for), stops
     * the relay meanwhile, and lets the DELETE go only after a second of stop() still waiting; then starts the relay
     * again, as the next start would.
     */
    @Test
    void aRelayStoppedMidBatchDeletesWhatItPublishedBeforeItCloses() throws Exception {
        SqlConnection otherRelay = pool.getConnectionAndAwait();
        SqlConnection deleteBlocker = pool.getConnectionAndAwait();
        CompletableFuture<Void> stopping = null;
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer(TestEvents.TOPIC)) {
            // The event is written while the relay stands by, then the DELETE is blocked, then the relay let go.
            otherRelay.query("BEGIN").executeAndAwait();
            otherRelay.preparedQuery("SELECT pg_advisory_xact_lock($1)").executeAndAwait(Tuple.of(OutboxRelay.RELAY_LOCK));
            UUID id = UUID.fromString(createPatient(all, grace()));
            deleteBlocker.query("BEGIN").executeAndAwait();
            deleteBlocker.query("LOCK TABLE outbox_events IN SHARE MODE").executeAndAwait();
            otherRelay.query("ROLLBACK").executeAndAwait();
            Instant deadline = Instant.now().plus(TestChangeEvents.DEADLINE);
            while (waitingDeletes() == 0) {
                assertTrue(Instant.now().isBefore(deadline), "the relay's DELETE waits for the lock");
                TestChangeEvents.pause();
            }
            List<ConsumerRecord<String, String>> seen = new ArrayList<>(
                    TestKafka.pollUntil(consumer, r -> id.toString().equals(r.key()), TestChangeEvents.DEADLINE));
            assertEquals(1, pendingEvents(id), "published, and its DELETE not yet committed");

            stopping = CompletableFuture.runAsync(() -> relay.stop(null));
            Instant heldUntil = Instant.now().plusSeconds(1);
            while (Instant.now().isBefore(heldUntil)) {
                assertFalse(stopping.isDone(), "stop() waits for the batch in progress");
                TestChangeEvents.pause();
            }
            deleteBlocker.query("COMMIT").executeAndAwait();
            stopping.get(TestChangeEvents.DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertEquals(0, pendingEvents(id), "once stop() returned, what was published is no longer in the outbox");

            relay.start(null);
            stopping = null;
            String marker = TestEvents.marker();
            seen.addAll(TestKafka.pollUntil(consumer, r -> marker.equals(r.key()), TestChangeEvents.DEADLINE));
            assertEquals(1, seen.stream().filter(r -> id.toString().equals(r.key())).count(),
                    "the event is published once: not again after the restart");
        } finally {
            deleteBlocker.closeAndAwait();
            otherRelay.closeAndAwait();
            if (stopping != null) {
                stopping.get(TestChangeEvents.DEADLINE.toSeconds(), TimeUnit.SECONDS);
                relay.start(null); // the other tests need a running relay
            }
        }
    }

    /** Statements waiting for a lock on outbox_events (the relay's DELETE, behind the test's SHARE lock). */
    private long waitingDeletes() {
        return pool.query("SELECT count(*) AS n FROM pg_locks WHERE relation = 'outbox_events'::regclass AND NOT granted")
                .executeAndAwait().iterator().next().getLong("n");
    }

    private long pendingEvents(UUID id) {
        return pool.preparedQuery("SELECT count(*) AS n FROM outbox_events WHERE message_key = $1")
                .executeAndAwait(Tuple.of(id.toString())).iterator().next().getLong("n");
    }

    @Test
    void aPatientCreatedWithTwoPhoneNumbersPublishesThreeEvents() {
        String[] id = new String[1];
        List<JsonNode> events = TestEvents.publishedBy(tenant, () -> id[0] = createPatient(all, grace("phone_numbers",
                List.of(Map.of("phone_number", "555-555-1234", "phone_number_type", "cell"),
                        Map.of("phone_number", "555-555-4321", "phone_number_type", "landline")))));
        assertEquals(3, events.size(), events.toString());
        List<String> phoneIds = TestHttp.get(all, "/v1/phone_numbers?user_id=" + id[0]).extract().path("data.id");
        JsonNode patientEvent = events.stream().filter(e -> e.get("type").asText().equals("patients.created"))
                .findFirst().orElseThrow();
        String updatedAt = TestHttp.get(all, "/v1/patients/" + id[0]).extract().path("data.updated_at");
        assertEquals("1.0", patientEvent.get("specversion").asText());
        assertEquals("/patients-service", patientEvent.get("source").asText());
        assertEquals(id[0], patientEvent.get("subject").asText());
        assertEquals("application/json", patientEvent.get("datacontenttype").asText());
        assertTrue(patientEvent.get("id").asText().matches(TestHttp.GUID));
        assertTrue(patientEvent.get("time").asText().matches(TestHttp.TIMESTAMP));
        JsonNode data = patientEvent.get("data");
        assertEquals(tenant, data.get("tenant").asText());
        assertEquals("patients", data.get("resource").asText());
        assertEquals(id[0], data.get("id").asText());
        assertEquals("created", data.get("operation").asText());
        assertEquals(updatedAt, data.get("updated_at").asText());
        assertEquals(6, data.size(), "no patient data beyond ids: " + data);
        assertEquals("live", data.get("environment").asText());

        List<JsonNode> phoneEvents = events.stream().filter(e -> e.get("type").asText().equals("phone_numbers.created"))
                .toList();
        assertEquals(Set.copyOf(phoneIds), phoneEvents.stream().map(e -> e.get("subject").asText()).collect(Collectors.toSet()));
        phoneEvents.forEach(e -> assertEquals("phone_numbers", e.get("data").get("resource").asText()));
    }

    @Test
    void everyKindOfRecordMadeWithAPatientPublishesItsOwnEvent() {
        List<JsonNode> events = TestEvents.publishedBy(tenant, () -> createPatient(all, grace(
                "email", "grace@example.com", "phone", "555-555-5555",
                "email_addresses", List.of(Map.of("email", "admiral@example.com")),
                "external_ids", List.of(Map.of("namespace", "ehr", "external_id", "MRN-1")),
                "custom_data_type_records", List.of(Map.of("type_name", "x", "body", Map.of())))));
        assertEquals(List.of("custom_data_type_records.created", "email_addresses.created", "email_addresses.created",
                "external_ids.created", "patients.created", "phone_numbers.created"),
                events.stream().map(e -> e.get("type").asText()).sorted().toList());
    }

    @Test
    void anUpdatePublishesOneUpdatedEvent() {
        String id = createPatient(all);
        List<JsonNode> events = TestEvents.publishedBy(tenant,
                () -> put(all, "/v1/patients/" + id, "{\"first_name\": \"Amazing Grace\"}").statusCode(200));
        assertEquals(1, events.size(), events.toString());
        assertEquals("patients.updated", events.get(0).get("type").asText());
        assertEquals(id, events.get(0).get("subject").asText());
        assertEquals("updated", events.get(0).get("data").get("operation").asText());
    }

    @Test
    void aRefusedOrRolledBackWritePublishesNothing() {
        createPatient(all, grace("external_ids", List.of(Map.of("namespace", "ehr", "external_id", "MRN-1"))));
        List<JsonNode> events = TestEvents.publishedBy(tenant, () -> {
            // Rolled back by the database: the duplicate comes after the patient and a phone were written.
            post(all, "/v1/patients", grace("phone", "555-555-5555",
                    "external_ids", List.of(Map.of("namespace", "ehr", "external_id", "MRN-1")))).statusCode(400);
            // Refused before anything was written.
            post(all, "/v1/patients", grace("birthday", "2019-02-30")).statusCode(400);
            post(all, "/v1/patients", grace("coach_id", java.util.UUID.randomUUID().toString())).statusCode(404);
        });
        assertEquals(List.of(), events);
    }
}
