package io.carehub.messaging;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.messaging.TestApi.conversationBody;
import static io.carehub.messaging.TestApi.createConversation;
import static io.carehub.messaging.TestApi.inboundBody;
import static io.carehub.messaging.TestApi.messageBody;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.testing.TestEnvironments;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * API-CORE.md §C1: environments share a tenant and keep separate data. A sandbox conversation and its messages are
 * stored in sandbox, announced as sandbox's, and do not exist for live; the patient, worker and conversation they name
 * must be sandbox's. (That every collection's reads are confined both ways is {@code CollectionContract}'s.)
 */
@QuarkusTest
class EnvironmentsTests {

    final String tenant = TestHttp.newTenant("environments");
    final String live = TestTokens.inEnvironment(tenant, "live", "all");
    final String sandbox = TestTokens.inEnvironment(tenant, "sandbox", "all");

    @Test
    void aSandboxConversationAndItsMessagesAreSandboxsAloneAndTheirEventsSaySo() {
        String patient = TestOwners.create("patients", tenant, "sandbox").toString();
        String worker = TestOwners.create("workers", tenant, "sandbox").toString();
        String[] made = new String[2];
        List<JsonNode> events = TestEvents.publishedBy(tenant, () -> {
            made[0] = createConversation(sandbox, patient);
            made[1] = post(sandbox, "/v1/messages", messageBody(patient, made[0], worker)).statusCode(200)
                    .extract().path("data.id");
        });
        assertEquals(List.of("conversations", "messages"),
                events.stream().map(e -> e.get("data").get("resource").asText()).sorted().toList());
        events.forEach(e -> assertEquals("sandbox", e.get("data").get("environment").asText(), e.toString()));
        List<String> collections = List.of("conversations", "messages");
        for (int i = 0; i < made.length; i++) {
            TestEnvironments.assertOnlyIn(sandbox, live, collections.get(i), made[i]);
        }
    }

    @Test
    void aMessageNamesOnlyAPatientWorkerAndConversationOfItsOwnEnvironment() {
        String livePatient = TestOwners.create("patients", tenant, "live").toString();
        String sandboxPatient = TestOwners.create("patients", tenant, "sandbox").toString();
        String liveWorker = TestOwners.create("workers", tenant, "live").toString();
        String sandboxWorker = TestOwners.create("workers", tenant, "sandbox").toString();
        post(sandbox, "/v1/conversations", conversationBody(livePatient)).statusCode(404)
                .body("errors[0].code", equalTo("resource_not_found")).body("errors[0].extra.path", equalTo(".user_id"));
        String liveConversation = createConversation(live, livePatient);
        String sandboxConversation = createConversation(sandbox, sandboxPatient);
        post(sandbox, "/v1/messages", inboundBody(sandboxPatient, liveConversation)).statusCode(404)
                .body("errors[0].code", equalTo("resource_not_found"))
                .body("errors[0].extra.path", equalTo(".conversation_id"));
        post(sandbox, "/v1/messages", messageBody(sandboxPatient, sandboxConversation, liveWorker)).statusCode(404)
                .body("errors[0].code", equalTo("resource_not_found")).body("errors[0].extra.path", equalTo(".worker_id"));
        post(sandbox, "/v1/messages", messageBody(sandboxPatient, sandboxConversation, sandboxWorker)).statusCode(200);
        get(live, "/v1/messages?conversation_id=" + sandboxConversation).statusCode(200).body("data.size()", equalTo(0));
    }
}
