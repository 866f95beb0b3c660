package io.carehub.messaging.message;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.messaging.TestApi.conversationBody;
import static io.carehub.messaging.TestApi.messageBody;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestKafka;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.carehub.messaging.TestApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A patient and a worker created a moment ago (their events not yet published, or never) are accepted at once by
 * conversations and messages, also while Kafka is down: the shared reference mechanism asks their owners.
 */
@QuarkusTest
class ReadYourWritesTests {

    static final int ROUNDS = 100;

    final String tenant = TestHttp.newTenant("ryw");
    final String all = TestTokens.token(tenant, "all");

    @Test
    void aPatientAndAWorkerCreatedAMomentAgoAreAcceptedAtOnce() {
        assertEquals(0, refusalsOfConversationsAndMessagesWithNewPatientsAndWorkers());
    }

    @Test
    void aPatientAndAWorkerCreatedAMomentAgoAreAcceptedAtOnceWhileKafkaIsDown() throws Exception {
        TestKafka.stopBroker();
        try {
            assertEquals(0, refusalsOfConversationsAndMessagesWithNewPatientsAndWorkers());
        } finally {
            TestKafka.startBroker();
        }
        get(all, "/v1/messages?page[size]=1000").statusCode(200).body("data.size()", equalTo(ROUNDS));
    }

    @Test
    void aClientWithOnlyTheWriteScopeMayStillNameAPatient() {
        String user = TestApi.patient(tenant);
        post(TestTokens.token(tenant, "conversations.write"), "/v1/conversations", conversationBody(user)).statusCode(200)
                .body("data.id", org.hamcrest.Matchers.matchesPattern(TestHttp.GUID));
    }

    @Test
    void whatTheOwnersConfirmedIsRememberedAndNotAskedAgain() {
        String user = TestApi.patient(tenant);
        String worker = TestApi.worker(tenant);
        String conversation = TestApi.createConversation(all, user);
        TestApi.createMessage(all, messageBody(user, conversation, worker));
        int asked = TestOwners.asked();
        TestOwners.unreachable(true);
        try {
            TestApi.createMessage(all, messageBody(user, conversation, worker));
            TestApi.createConversation(all, user);
        } finally {
            TestOwners.unreachable(false);
        }
        assertEquals(asked, TestOwners.asked(), "a known patient and worker are not asked about again");
    }

    /** "Creates" a patient and a worker at their owners and at once a conversation and a message naming them. */
    private int refusalsOfConversationsAndMessagesWithNewPatientsAndWorkers() {
        int refused = 0;
        for (int i = 0; i < ROUNDS; i++) {
            UUID user = TestOwners.create("patients", tenant);
            UUID worker = TestOwners.create("workers", tenant);
            var conversation = post(all, "/v1/conversations", conversationBody(user.toString())).extract();
            if (conversation.statusCode() != 200) {
                refused++;
                continue;
            }
            var message = post(all, "/v1/messages", messageBody(user.toString(), conversation.path("data.id"),
                    worker.toString())).extract();
            if (message.statusCode() != 200 || !worker.toString().equals(message.path("data.worker_id"))) {
                refused++;
            }
        }
        return refused;
    }
}
