package io.carehub.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import io.carehub.commons.testing.BadInputContract;
import io.quarkus.test.junit.QuarkusTest;

/** Bad input everywhere, generated from the OpenAPI document (issue 13): {@link BadInputContract}. */
@QuarkusTest
class BadInputTests extends BadInputContract {

    @Override
    protected String service() {
        return "messaging-service";
    }

    @Override
    protected Map<String, String> validBodies() {
        String patient = TestApi.patient(tenant);
        String conversation = TestApi.createConversation(token, patient);
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("conversations", TestApi.conversationBody(patient));
        bodies.put("messages", TestApi.messageBody(patient, conversation, TestApi.worker(tenant)));
        return bodies;
    }
}
