package io.carehub.messaging.conversation;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.with;
import static io.carehub.messaging.TestApi.conversationBody;
import static io.carehub.messaging.TestApi.patient;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.testing.CollectionContract;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestHttp.BadInput;
import io.carehub.commons.testing.TestOwners;
import io.carehub.messaging.TestApi;
import io.carehub.messaging.TestEvents;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConversationResourceTests extends CollectionContract {

    static final List<String> FIELDS = List.of("id", "user_id", "conversation_type", "created_at", "updated_at");

    @Override
    protected String collection() {
        return "conversations";
    }

    @Override
    protected String service() {
        return "messaging-service";
    }

    @Override
    protected String marker() {
        return TestEvents.marker();
    }

    @Override
    protected List<String> fields() {
        return FIELDS;
    }

    @Override
    protected String exportHeader() {
        return "id,user_id,conversation_type,created_at,updated_at";
    }

    @Override
    protected String validBody() {
        return conversationBody(patient(tenant));
    }

    @Test
    void createWithTheReferenceExampleAnswersExactlyItsShapeAndGetAnswersTheSame() {
        String user = patient(tenant);
        String answer = post(all, path(), conversationBody(user)).statusCode(200).extract().asString();
        JsonNode data = TestEvents.json(answer).get("data");
        assertEquals(FIELDS, iterate(data.fieldNames()), "the fields, in order: " + data);
        assertEquals(user, data.get("user_id").asText());
        assertEquals(true, data.get("conversation_type").isNull(), "null, as in the reference's example: " + data);
        JsonNode got = TestEvents.json(get(reader, path() + "/" + data.get("id").asText()).statusCode(200)
                .extract().asString());
        assertEquals(TestEvents.json(answer), got);
    }

    @Test
    void everyConversationTypeIsKeptAndOneLeftOutIsNull() {
        String user = patient(tenant);
        for (String type : List.of("app", "third_party_app", "phone", "email")) {
            String id = post(all, path(), with(conversationBody(user), "conversation_type", type)).statusCode(200)
                    .body("data.conversation_type", equalTo(type)).extract().path("data.id");
            get(reader, path() + "/" + id).statusCode(200).body("data.conversation_type", equalTo(type));
        }
        post(all, path(), "{\"user_id\": \"" + user + "\"}").statusCode(200).body("data.conversation_type", nullValue());
        get(reader, path() + "?user_id=" + user).statusCode(200).body("data.size()", equalTo(5));
    }

    @Test
    void aPatientMayHaveSeveralConversationsAndFindFiltersByUserId() {
        String grace = patient(tenant);
        String ada = patient(tenant);
        String first = TestApi.createConversation(all, grace);
        String second = TestApi.createConversation(all, grace);
        String adas = TestApi.createConversation(all, ada);
        get(reader, path() + "?user_id=" + grace).statusCode(200).body("data.id", contains(first, second))
                .body("links.current.href", containsString("user_id=" + grace));
        get(reader, path() + "?user_id=" + ada).statusCode(200).body("data.id", contains(adas));
        get(reader, path() + "?user_id=" + UUID.randomUUID()).statusCode(200).body("data.size()", equalTo(0));
        get(reader, path()).statusCode(200).body("data.id", containsInAnyOrder(first, second, adas));
        get(reader, "/v1/exports/conversations?user_id=" + ada).statusCode(200)
                .body(containsString(adas + "," + ada + ","));
    }

    @Test
    void eachRuleAloneIsAnsweredWithItsStatusCodeAndPathAndNothingIsStoredOrPublished() {
        String user = patient(tenant);
        List<JsonNode> events = TestEvents.publishedBy(tenant, () -> TestHttp.assertEachRefused(all, path(),
                conversationBody(user), List.of(
                        new BadInput("conversation_type", "sms", "bad_request"),
                        new BadInput("conversation_type", "Phone", "bad_request"),
                        new BadInput("conversation_type", "", "bad_request"),
                        new BadInput("conversation_type", 7, "parse_exception"),
                        new BadInput("conversation_type", List.of("app"), "parse_exception"),
                        new BadInput("user_id", TestHttp.ABSENT, "bad_request"),
                        new BadInput("user_id", null, "bad_request"),
                        new BadInput("user_id", "123", "bad_request"),
                        new BadInput("user_id", 123, "parse_exception"),
                        new BadInput("user_id", UUID.randomUUID().toString(), 404, "resource_not_found", ".user_id"),
                        new BadInput("user_id", patient(TestHttp.newTenant("stranger")), 404, "resource_not_found", ".user_id"),
                        new BadInput("topic", "billing", "bad_request"))));
        assertEquals(List.of(), events);
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void aPatientTheOwnerCannotBeAskedAboutIs503WithRetryAfterAndNothingIsStored() {
        String unknownYet = UUID.randomUUID().toString();
        TestOwners.unreachable(true);
        try {
            post(all, path(), conversationBody(unknownYet)).statusCode(503)
                    .header("Retry-After", "5")
                    .body("errors.size()", equalTo(1))
                    .body("errors[0].code", equalTo("service_unavailable"));
        } finally {
            TestOwners.unreachable(false);
        }
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
