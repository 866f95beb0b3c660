package io.carehub.messaging.message;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.with;
import static io.carehub.messaging.TestApi.createConversation;
import static io.carehub.messaging.TestApi.createMessage;
import static io.carehub.messaging.TestApi.inboundBody;
import static io.carehub.messaging.TestApi.messageBody;
import static io.carehub.messaging.TestApi.patient;
import static io.carehub.messaging.TestApi.worker;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.testing.CollectionContract;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestHttp.BadInput;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.carehub.messaging.TestApi;
import io.carehub.messaging.TestEvents;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MessageResourceTests extends CollectionContract {

    static final List<String> FIELDS = List.of("id", "user_id", "worker_id", "conversation_id", "direction", "contents",
            "automatically_sent", "send_time", "created_at", "updated_at");

    @Override
    protected String collection() {
        return "messages";
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
        return "id,user_id,worker_id,conversation_id,direction,contents,automatically_sent,send_time,created_at,updated_at";
    }

    @Override
    protected String validBody() {
        String user = patient(tenant);
        return messageBody(user, createConversation(all, user), worker(tenant));
    }

    @Test
    void createWithTheReferenceExampleValuesAnswersExactlyTheirShapeAndGetAnswersTheSame() {
        String user = patient(tenant);
        String conversation = createConversation(all, user);
        String worker = worker(tenant);
        String answer = post(all, path(), messageBody(user, conversation, worker)).statusCode(200).extract().asString();
        JsonNode data = TestEvents.json(answer).get("data");
        List<String> names = new ArrayList<>();
        data.fieldNames().forEachRemaining(names::add);
        assertEquals(FIELDS, names, "the fields, in order: " + data);
        assertEquals(user, data.get("user_id").asText());
        assertEquals(worker, data.get("worker_id").asText());
        assertEquals(conversation, data.get("conversation_id").asText());
        assertEquals("outbound", data.get("direction").asText());
        assertEquals(TestApi.CONTENTS, data.get("contents").asText());
        assertEquals(false, data.get("automatically_sent").booleanValue());
        assertTrue(data.get("automatically_sent").isBoolean());
        assertEquals(TestApi.SEND_TIME, data.get("send_time").asText());
        JsonNode got = TestEvents.json(get(reader, path() + "/" + data.get("id").asText()).statusCode(200)
                .extract().asString());
        assertEquals(TestEvents.json(answer), got);
    }

    @Test
    void anInboundMessageNamesNoWorkerIsNotAutomaticallySentAndWasSentNow() {
        String user = patient(tenant);
        String conversation = createConversation(all, user);
        Instant before = Instant.now();
        var created = post(all, path(), inboundBody(user, conversation)).statusCode(200)
                .body("data.worker_id", nullValue())
                .body("data.direction", equalTo("inbound"))
                .body("data.automatically_sent", equalTo(false))
                .extract();
        Instant sent = TestHttp.instant(created.path("data.send_time"));
        assertTrue(Duration.between(before, sent).abs().compareTo(Duration.ofSeconds(1)) < 0
                && Duration.between(sent, Instant.now()).abs().compareTo(Duration.ofSeconds(1)) < 0,
                "send_time " + sent + " is the time of the request");
        assertEquals(created.<String>path("data.created_at"), created.<String>path("data.send_time"),
                "the send time is the write's own time");
        get(reader, path() + "/" + created.path("data.id")).statusCode(200)
                .body("data.send_time", equalTo(created.path("data.send_time")))
                .body("data.worker_id", nullValue());
        // null asks for the defaults too.
        post(all, path(), with(inboundBody(user, conversation), "worker_id", null, "automatically_sent", null,
                "send_time", null)).statusCode(200)
                .body("data.worker_id", nullValue())
                .body("data.automatically_sent", equalTo(false))
                .body("data.send_time", org.hamcrest.Matchers.matchesPattern(TestHttp.TIMESTAMP));
    }

    @Test
    void automaticallySentAndASendTimeGivenAreKeptTheTimeInUtcWithSixDigits() {
        String user = patient(tenant);
        String conversation = createConversation(all, user);
        String body = with(messageBody(user, conversation, worker(tenant)), "automatically_sent", true,
                "send_time", "2018-09-11T18:27:32.045046789-07:00");
        String id = post(all, path(), body).statusCode(200)
                .body("data.automatically_sent", equalTo(true))
                .body("data.send_time", equalTo("2018-09-12T01:27:32.045046+00:00"))
                .extract().path("data.id");
        get(reader, path() + "/" + id).statusCode(200)
                .body("data.automatically_sent", equalTo(true))
                .body("data.send_time", equalTo("2018-09-12T01:27:32.045046+00:00"));
        post(all, path(), with(body, "send_time", "2018-09-12T01:27:32")).statusCode(200)
                .body("data.send_time", equalTo("2018-09-12T01:27:32.000000+00:00"));
    }

    @Test
    void anInboundMessageWithAWorkerIs400AtWorkerId() {
        String user = patient(tenant);
        String conversation = createConversation(all, user);
        post(all, path(), with(inboundBody(user, conversation), "worker_id", worker(tenant))).statusCode(400)
                .body("errors.size()", equalTo(1))
                .body("errors[0].status", equalTo(400))
                .body("errors[0].code", equalTo("bad_request"))
                .body("errors[0].extra.path", equalTo(".worker_id"));
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void anOutboundMessageWithoutAWorkerIs400AtWorkerId() {
        String user = patient(tenant);
        String body = messageBody(user, createConversation(all, user), worker(tenant));
        for (Object missing : new Object[] { TestHttp.ABSENT, null }) {
            post(all, path(), with(body, "worker_id", missing)).statusCode(400)
                    .body("errors.size()", equalTo(1))
                    .body("errors[0].status", equalTo(400))
                    .body("errors[0].code", equalTo("bad_request"))
                    .body("errors[0].extra.path", equalTo(".worker_id"));
        }
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }

    /**
     * Every rule, each alone, with its status, code and path; none of them stores or publishes anything: neither
     * Find nor the topic {@code messaging-service.changes} shows a trace of them.
     */
    @Test
    void eachRuleAloneIsAnsweredWithItsStatusCodeAndPathAndNothingIsStoredOrPublished() {
        String user = patient(tenant);
        String conversation = createConversation(all, user);
        String othersConversation = createConversation(all, patient(tenant));
        String strangerTenant = TestHttp.newTenant("stranger");
        String strangersPatient = patient(strangerTenant);
        String strangersConversation = createConversation(TestTokens.token(strangerTenant, "all"), strangersPatient);
        String body = messageBody(user, conversation, worker(tenant));
        List<JsonNode> events = TestEvents.publishedBy(tenant, () -> TestHttp.assertEachRefused(all, path(), body, List.of(
                // the worker: another service's, checked through the reference mechanism
                new BadInput("worker_id", UUID.randomUUID().toString(), 404, "resource_not_found", ".worker_id"),
                new BadInput("worker_id", worker(strangerTenant), 404, "resource_not_found", ".worker_id"),
                new BadInput("worker_id", "not-a-guid", "bad_request"),
                new BadInput("worker_id", null, "bad_request"),
                // the conversation: this service's own, of the tenant and of this patient
                new BadInput("conversation_id", UUID.randomUUID().toString(), 404, "resource_not_found", ".conversation_id"),
                new BadInput("conversation_id", othersConversation, 404, "resource_not_found", ".conversation_id"),
                new BadInput("conversation_id", strangersConversation, 404, "resource_not_found", ".conversation_id"),
                new BadInput("conversation_id", TestHttp.ABSENT, "bad_request"),
                new BadInput("conversation_id", 42, "parse_exception"),
                // the patient
                new BadInput("user_id", strangersPatient, 404, "resource_not_found", ".user_id"),
                new BadInput("user_id", UUID.randomUUID().toString(), 404, "resource_not_found", ".user_id"),
                new BadInput("user_id", TestHttp.ABSENT, "bad_request"),
                new BadInput("user_id", "123", "bad_request"),
                // direction, contents, automatically_sent, send_time
                new BadInput("direction", "sideways", "bad_request"),
                new BadInput("direction", "OUTBOUND", "bad_request"),
                new BadInput("direction", TestHttp.ABSENT, "bad_request"),
                new BadInput("direction", null, "bad_request"),
                new BadInput("direction", true, "parse_exception"),
                new BadInput("contents", TestHttp.ABSENT, "bad_request"),
                new BadInput("contents", null, "bad_request"),
                new BadInput("contents", 12, "parse_exception"),
                new BadInput("contents", "x".repeat(MessageFields.MAX_CONTENTS + 1), "bad_request"),
                new BadInput("contents", "nul \u0000 inside", "bad_request"),
                new BadInput("automatically_sent", "false", "parse_exception"),
                new BadInput("automatically_sent", 0, "parse_exception"),
                new BadInput("send_time", "yesterday", "bad_request"),
                new BadInput("send_time", "2018-02-30T01:27:32Z", "bad_request"),
                new BadInput("send_time", "2018-09-12", "bad_request"),
                new BadInput("send_time", "10000-01-01T00:00:00Z", "bad_request"),
                new BadInput("send_time", 1536715652, "parse_exception"),
                new BadInput("sent_by", "Grace", "bad_request"))), "messages");
        assertEquals(List.of(), events);
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
        assertEquals(1, get(reader, "/v1/exports/messages").statusCode(200).extract().asString().split("\r\n").length);
    }

    @Test
    void contentsAsLongAsTheBoundAreKept() {
        String user = patient(tenant);
        String contents = "y".repeat(MessageFields.MAX_CONTENTS);
        String id = createMessage(all, with(inboundBody(user, createConversation(all, user)), "contents", contents));
        assertEquals(contents, get(reader, path() + "/" + id).statusCode(200).extract().path("data.contents"));
    }

    @Test
    void findFiltersByConversationIdAndByUserIdAlsoByPost() {
        String grace = patient(tenant);
        String ada = patient(tenant);
        String worker = worker(tenant);
        String first = createConversation(all, grace);
        String second = createConversation(all, grace);
        String adas = createConversation(all, ada);
        String a = createMessage(all, messageBody(grace, first, worker));
        String b = createMessage(all, inboundBody(grace, second));
        String c = createMessage(all, inboundBody(grace, first));
        String d = createMessage(all, messageBody(ada, adas, worker));
        get(reader, path() + "?conversation_id=" + first).statusCode(200).body("data.id", contains(a, c))
                .body("links.current.href", containsString("conversation_id=" + first));
        get(reader, path() + "?conversation_id=" + second).statusCode(200).body("data.id", contains(b));
        get(reader, path() + "?user_id=" + grace).statusCode(200).body("data.id", contains(a, b, c));
        get(reader, path() + "?user_id=" + grace + "&conversation_id=" + adas).statusCode(200).body("data.size()", equalTo(0));
        get(reader, path() + "?conversation_id=" + UUID.randomUUID()).statusCode(200).body("data.size()", equalTo(0));
        get(reader, path()).statusCode(200).body("data.id", containsInAnyOrder(a, b, c, d));
        io.restassured.RestAssured.given().auth().oauth2(reader).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("conversation_id", first)).post(path() + "/find").then().statusCode(200)
                .body("data.id", contains(a, c));
        get(reader, path() + "?conversation_id=not-a-guid").statusCode(400)
                .body("errors[0].code", equalTo("bad_request")).body("errors[0].extra.path", equalTo("conversation_id"));
        String csv = get(reader, "/v1/exports/messages?conversation_id=" + adas).statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[1].startsWith(d + "," + ada + "," + worker + "," + adas + ",outbound,"), lines[1]);
    }

    @Test
    void anotherTenantsConversationsMessagesAreNotFoundByItsIds() {
        String user = patient(tenant);
        String conversation = createConversation(all, user);
        String id = createMessage(all, inboundBody(user, conversation));
        String stranger = TestTokens.token(TestHttp.newTenant("stranger"), "all");
        get(stranger, path() + "/" + id).statusCode(404).body("errors[0].code", equalTo("not_found"));
        get(stranger, path() + "?conversation_id=" + conversation).statusCode(200).body("data.size()", equalTo(0));
        get(stranger, path() + "?user_id=" + user).statusCode(200).body("data.size()", equalTo(0));
        assertEquals(1, get(stranger, "/v1/exports/messages?conversation_id=" + conversation).statusCode(200).extract()
                .asString().split("\r\n").length);
        get(stranger, "/v1/conversations/" + conversation).statusCode(404).body("errors[0].code", equalTo("not_found"));
    }

    @Test
    void aWorkerTheOwnerCannotBeAskedAboutIs503WithRetryAfterAndNothingIsStored() {
        String user = patient(tenant);
        String conversation = createConversation(all, user);
        TestOwners.unreachable(true);
        try {
            post(all, path(), messageBody(user, conversation, UUID.randomUUID().toString())).statusCode(503)
                    .header("Retry-After", "5")
                    .body("errors.size()", equalTo(1))
                    .body("errors[0].code", equalTo("service_unavailable"));
            // The patient is known already (the conversation made it so): an inbound message needs no owner.
            createMessage(all, inboundBody(user, conversation));
        } finally {
            TestOwners.unreachable(false);
        }
        get(reader, path()).statusCode(200).body("data.size()", equalTo(1));
    }
}
