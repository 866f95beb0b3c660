package io.carehub.patients.phone;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static io.carehub.commons.testing.TestHttp.with;
import static io.carehub.patients.TestApi.createPatient;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.CollectionContract;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestHttp.BadInput;
import io.carehub.commons.testing.TestTokens;
import io.carehub.patients.TestApi;
import io.carehub.patients.TestEvents;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PhoneNumberResourceTests extends CollectionContract {

    static final List<String> FIELDS = List.of("id", "user_id", "phone_number", "phone_number_type", "friendly_name",
            "verified", "opted_in_to_sms", "opted_in_to_call_recording", "opted_in_to_voicemail", "opted_in_to_phone",
            "automatic_recipient", "created_at", "updated_at");

    @Override
    protected String collection() {
        return "phone_numbers";
    }

    @Override
    protected String service() {
        return "patients-service";
    }

    @Override
    protected String marker() {
        return TestEvents.marker();
    }

    @Override
    protected boolean hasUpdate() {
        return true;
    }

    @Override
    protected List<String> fields() {
        return FIELDS;
    }

    @Override
    protected String exportHeader() {
        return "id,user_id,phone_number,phone_number_type,friendly_name,verified,opted_in_to_sms,"
                + "opted_in_to_call_recording,opted_in_to_voicemail,opted_in_to_phone,automatic_recipient,created_at,updated_at";
    }

    @Override
    protected String validBody() {
        return body(createPatient(all));
    }

    static String body(String userId) {
        return """
                {"user_id": "%s", "phone_number": "555-555-5555", "phone_number_type": "cell"}""".formatted(userId);
    }

    @Test
    void createWithTheReferenceExampleStoresTheNumberAndDefaultsEveryConsentToFalse() {
        String patient = createPatient(all);
        String id = post(all, path(), """
                {"user_id": "%s", "phone_number": "(555) 555-5555", "phone_number_type": "cell", "friendly_name": "cell"}"""
                .formatted(patient)).statusCode(200)
                .body("data.user_id", equalTo(patient))
                .body("data.phone_number", equalTo("555-555-5555"))
                .body("data.phone_number_type", equalTo("cell"))
                .body("data.friendly_name", equalTo("cell"))
                .body("data.verified", equalTo(false))
                .body("data.opted_in_to_sms", equalTo(false))
                .body("data.opted_in_to_call_recording", equalTo(false))
                .body("data.opted_in_to_voicemail", equalTo(false))
                .body("data.opted_in_to_phone", equalTo(false))
                .body("data.automatic_recipient", equalTo(false))
                .extract().path("data.id");
        get(reader, path() + "/" + id).statusCode(200).body("data.phone_number", equalTo("555-555-5555"));
    }

    @Test
    void updateKeepsFieldsLeftOutClearsNullsAndMovesUpdatedAtForward() {
        String patient = createPatient(all);
        String id = post(all, path(), with(body(patient), "friendly_name", "work", "verified", true)).statusCode(200)
                .extract().path("data.id");
        String before = get(reader, path() + "/" + id).extract().path("data.updated_at");
        put(all, path() + "/" + id, """
                {"phone_number": "5555551234", "opted_in_to_sms": true, "friendly_name": null, "verified": null}""")
                .statusCode(200)
                .body("data.phone_number", equalTo("555-555-1234"))
                .body("data.opted_in_to_sms", equalTo(true))
                .body("data.friendly_name", nullValue())
                .body("data.verified", equalTo(false));
        String after = get(reader, path() + "/" + id).statusCode(200)
                .body("data.user_id", equalTo(patient))
                .body("data.phone_number_type", equalTo("cell"))
                .body("data.phone_number", equalTo("555-555-1234"))
                .body("data.opted_in_to_sms", equalTo(true))
                .body("data.opted_in_to_voicemail", equalTo(false))
                .extract().path("data.updated_at");
        assertTrue(TestHttp.instant(after).isAfter(TestHttp.instant(before)));
    }

    @Test
    void findFiltersByUserId() {
        String grace = createPatient(all);
        String ada = createPatient(all, TestApi.grace("first_name", "Ada"));
        String gracesPhone = post(all, path(), body(grace)).statusCode(200).extract().path("data.id");
        String adasPhone = post(all, path(), body(ada)).statusCode(200).extract().path("data.id");
        get(reader, path() + "?user_id=" + grace).statusCode(200).body("data.id", contains(gracesPhone));
        get(reader, path() + "?user_id=" + ada).statusCode(200).body("data.id", contains(adasPhone))
                .body("links.current.href", org.hamcrest.Matchers.containsString("user_id=" + ada));
        get(reader, path() + "?user_id=" + UUID.randomUUID()).statusCode(200).body("data.size()", equalTo(0));
        get(reader, path()).statusCode(200).body("data.id", containsInAnyOrder(gracesPhone, adasPhone));
        get(reader, path() + "?user_id=not-a-guid").statusCode(400)
                .body("errors[0].code", equalTo("bad_request")).body("errors[0].extra.path", equalTo("user_id"));
    }

    @Test
    void eachRuleAloneIsAnsweredWithItsCodeAndPathAndNothingIsStored() {
        String patient = createPatient(all);
        TestHttp.assertEachRefused(all, path(), body(patient), List.of(
                new BadInput("phone_number", "555-5555", "bad_request"),
                new BadInput("phone_number", "555-555-55555", "bad_request"),
                new BadInput("phone_number", "+1 555 555 5555", "bad_request"),
                new BadInput("phone_number", "555-CALL-NOW", "bad_request"),
                new BadInput("phone_number", 5555555555L, "parse_exception"),
                new BadInput("phone_number", null, "bad_request"),
                new BadInput("phone_number", TestHttp.ABSENT, "bad_request"),
                new BadInput("phone_number_type", "mobile", "bad_request"),
                new BadInput("phone_number_type", "Cell", "bad_request"),
                new BadInput("phone_number_type", TestHttp.ABSENT, "bad_request"),
                new BadInput("user_id", TestHttp.ABSENT, "bad_request"),
                new BadInput("user_id", "123", "bad_request"),
                new BadInput("verified", "true", "parse_exception"),
                new BadInput("opted_in_to_sms", 1, "parse_exception"),
                new BadInput("opted_in_to_call_recording", "yes", "parse_exception"),
                new BadInput("opted_in_to_voicemail", List.of(), "parse_exception"),
                new BadInput("opted_in_to_phone", "false", "parse_exception"),
                new BadInput("automatic_recipient", 0, "parse_exception"),
                new BadInput("friendly_name", 7, "parse_exception"),
                new BadInput("extension", "12", "bad_request")));
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void aUserIdThatNamesNoPatientOfTheTenantIsResourceNotFound() {
        String strangersPatient = createPatient(TestTokens.token(TestHttp.newTenant("stranger"), "all"));
        for (String userId : List.of(UUID.randomUUID().toString(), strangersPatient)) {
            post(all, path(), body(userId)).statusCode(404)
                    .body("errors.size()", equalTo(1))
                    .body("errors[0].status", equalTo(404))
                    .body("errors[0].code", equalTo("resource_not_found"))
                    .body("errors[0].extra.path", equalTo(".user_id"));
        }
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void anotherTenantsPatientsNumbersAreNotFoundByItsUserId() {
        String patient = createPatient(all);
        post(all, path(), body(patient)).statusCode(200);
        String stranger = TestTokens.token(TestHttp.newTenant("stranger"), "all");
        get(stranger, path() + "?user_id=" + patient).statusCode(200).body("data.size()", equalTo(0));
        assertEquals(1, get(stranger, "/v1/exports/phone_numbers?user_id=" + patient).statusCode(200).extract()
                .asString().split("\r\n").length);
    }

    @Test
    void updateCannotClearARequiredField() {
        String id = create();
        put(all, path() + "/" + id, "{\"phone_number_type\": null, \"phone_number\": \"12\"}").statusCode(400)
                .body("errors.extra.path", containsInAnyOrder(".phone_number_type", ".phone_number"));
        get(reader, path() + "/" + id).statusCode(200).body("data.phone_number_type", equalTo("cell"));
    }
}
