package io.carehub.messaging;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.testing.TestChangeEvents;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestTokens;

/** This service's change events in tests (on {@link TestChangeEvents}). */
public final class TestEvents {

    public static final String TOPIC = "messaging-service.changes";

    private TestEvents() {
    }

    /** The change events of {@code tenant} that {@code action} published, bracketed by {@link #marker} conversations. */
    public static List<JsonNode> publishedBy(String tenant, Runnable action) {
        return publishedBy(tenant, action, null);
    }

    /**
     * As {@link #publishedBy(String, Runnable)}, only the events of {@code resource} (all when null): what a
     * test made before the action (a message's conversation) is not the action's, even if it arrives late.
     */
    public static List<JsonNode> publishedBy(String tenant, Runnable action, String resource) {
        return TestChangeEvents.publishedBy(TOPIC, TestEvents::marker, tenant, resource, action);
    }

    /** A conversation in a tenant of its own; its id: what brackets this service's change events. */
    public static String marker() {
        String markerTenant = TestHttp.newTenant("marker");
        return TestApi.createConversation(TestTokens.token(markerTenant, "all"), TestApi.patient(markerTenant));
    }

    public static JsonNode json(String text) {
        return TestChangeEvents.json(text);
    }
}
