package io.carehub.scheduling;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.testing.TestChangeEvents;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;

/** This service's change events, and patients-service's patient events, in tests (on {@link TestChangeEvents}). */
public final class TestEvents {

    public static final String TOPIC = "scheduling-service.changes";
    public static final String PATIENTS_TOPIC = "patients-service.changes";

    private TestEvents() {
    }

    /** The change events of {@code collection} in {@code tenant} that {@code action} published, bracketed by {@link #marker} workers. */
    public static List<JsonNode> publishedBy(String tenant, String collection, Runnable action) {
        return TestChangeEvents.publishedBy(TOPIC, TestEvents::marker, tenant, collection, action);
    }

    /** A worker in a tenant of its own; its id: what brackets this service's change events. */
    public static String marker() {
        return TestApi.createWorker(TestTokens.token(TestHttp.newTenant("marker"), "all admin"));
    }

    /** A patient of {@code tenant} that this service has learnt of from patients-service's event (waits until it has). */
    public static UUID knownPatient(Pool pool, String tenant) {
        UUID id = UUID.randomUUID();
        publish(PATIENTS_TOPIC, id.toString(), patientEvent(tenant, id, "created").toString());
        TestChangeEvents.awaitKnown(pool, "patients", tenant, id);
        return id;
    }

    public static boolean isKnown(Pool pool, String tenant, UUID patientId) {
        return TestChangeEvents.isKnown(pool, "patients", tenant, patientId);
    }

    /** The CloudEvent patients-service's outbox writes for a patient (API.md §6). */
    public static ObjectNode patientEvent(String tenant, UUID id, String operation) {
        return TestChangeEvents.changeEvent("patients-service", tenant, "patients", id, operation);
    }

    public static void publish(String topic, String key, String value) {
        TestChangeEvents.publish(topic, key, value);
    }

    public static JsonNode json(String text) {
        return TestChangeEvents.json(text);
    }

    public static void pause() {
        TestChangeEvents.pause();
    }
}
