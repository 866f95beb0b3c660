package io.carehub.messaging;

import static io.carehub.commons.testing.TestHttp.post;

import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestOwners;

/**
 * This service's test values: the reference's example conversation and messages, and the patients and workers of
 * the other services (made at their stand-in, {@link TestOwners}). The generic HTTP side (requests with a token,
 * {@code with}, {@code ABSENT}, {@code BadInput}, formats) is the commons' {@link TestHttp}.
 */
public final class TestApi {

    /** The reference's example message: its contents and send time. */
    public static final String CONTENTS = "Hi Developer, Welcome to Welkin Health.";
    public static final String SEND_TIME = "2018-09-12T01:27:32.045046+00:00";

    private TestApi() {
    }

    /** A patient patients-service has just made in {@code tenant} (its event not published: read your writes). */
    public static String patient(String tenant) {
        return TestOwners.create("patients", tenant).toString();
    }

    /** A worker scheduling-service has just made in {@code tenant}. */
    public static String worker(String tenant) {
        return TestOwners.create("workers", tenant).toString();
    }

    /** The reference's example conversation (its type null) with {@code userId}. */
    public static String conversationBody(String userId) {
        return """
                {"user_id": "%s", "conversation_type": null}""".formatted(userId);
    }

    /** A conversation with {@code userId}, created; its id. */
    public static String createConversation(String token, String userId) {
        return post(token, "/v1/conversations", conversationBody(userId)).statusCode(200).extract().path("data.id");
    }

    /** The reference's example message, sent by {@code workerId} (outbound): what a worker recorded. */
    public static String messageBody(String userId, String conversationId, String workerId) {
        return """
                {"user_id": "%s", "worker_id": "%s", "conversation_id": "%s", "direction": "outbound",
                 "contents": "%s", "automatically_sent": false, "send_time": "%s"}"""
                .formatted(userId, workerId, conversationId, CONTENTS, SEND_TIME);
    }

    /** An inbound message of the patient: no worker, send_time and automatically_sent left to their defaults. */
    public static String inboundBody(String userId, String conversationId) {
        return """
                {"user_id": "%s", "conversation_id": "%s", "direction": "inbound", "contents": "Thank you!"}"""
                .formatted(userId, conversationId);
    }

    public static String createMessage(String token, String body) {
        return post(token, "/v1/messages", body).statusCode(200).extract().path("data.id");
    }
}
