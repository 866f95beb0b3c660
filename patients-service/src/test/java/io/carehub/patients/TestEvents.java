package io.carehub.patients;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.testing.TestChangeEvents;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;

/** This service's change events, and scheduling-service's worker events, in tests (on {@link TestChangeEvents}). */
public final class TestEvents {

    public static final String TOPIC = "patients-service.changes";
    public static final String WORKERS_TOPIC = "scheduling-service.changes";

    private TestEvents() {
    }

    /** The change events of {@code tenant} that {@code action} published, bracketed by {@link #marker} patients. */
    public static List<JsonNode> publishedBy(String tenant, Runnable action) {
        return TestChangeEvents.publishedBy(TOPIC, TestEvents::marker, tenant, null, action);
    }

    /** A patient in a tenant of its own; its id: what brackets this service's change events. */
    public static String marker() {
        return TestApi.createPatient(TestTokens.token(TestHttp.newTenant("marker"), "all"));
    }

    /** Publishes what scheduling-service publishes when it creates a worker of {@code tenant}; the worker's id. */
    public static UUID publishWorkerCreated(String tenant) {
        UUID id = UUID.randomUUID();
        publish(WORKERS_TOPIC, id.toString(), workerEvent(tenant, id, "created").toString());
        return id;
    }

    /** A worker of {@code tenant} that patients-service has learnt of from its event (waits until it has). */
    public static UUID knownWorker(Pool pool, String tenant) {
        UUID id = publishWorkerCreated(tenant);
        awaitKnown(pool, tenant, id);
        return id;
    }

    public static void awaitKnown(Pool pool, String tenant, UUID workerId) {
        TestChangeEvents.awaitKnown(pool, "workers", tenant, workerId);
    }

    public static boolean isKnown(Pool pool, String tenant, UUID workerId) {
        return TestChangeEvents.isKnown(pool, "workers", tenant, workerId);
    }

    /** The CloudEvent scheduling-service's outbox writes for a worker (API.md §6). */
    public static ObjectNode workerEvent(String tenant, UUID id, String operation) {
        return TestChangeEvents.changeEvent("scheduling-service", tenant, "workers", id, operation);
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
