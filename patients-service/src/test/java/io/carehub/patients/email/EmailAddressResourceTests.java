package io.carehub.patients.email;

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
class EmailAddressResourceTests extends CollectionContract {

    @Override
    protected String collection() {
        return "email_addresses";
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
        return List.of("id", "user_id", "email", "friendly_name", "verified", "opted_in_to_email", "automatic_recipient",
                "created_at", "updated_at");
    }

    @Override
    protected String exportHeader() {
        return "id,user_id,email,friendly_name,verified,opted_in_to_email,automatic_recipient,created_at,updated_at";
    }

    @Override
    protected String validBody() {
        return body(createPatient(all));
    }

    static String body(String userId) {
        return "{\"user_id\": \"" + userId + "\", \"email\": \"grace@example.com\"}";
    }

    @Test
    void createStoresTheAddressAsGivenAndDefaultsEveryFlagToFalse() {
        String patient = createPatient(all);
        String id = post(all, path(), """
                {"user_id": "%s", "email": "Grace.Hopper+navy@Example.COM", "friendly_name": "personal"}"""
                .formatted(patient)).statusCode(200)
                .body("data.user_id", equalTo(patient))
                .body("data.email", equalTo("Grace.Hopper+navy@Example.COM"))
                .body("data.friendly_name", equalTo("personal"))
                .body("data.verified", equalTo(false))
                .body("data.opted_in_to_email", equalTo(false))
                .body("data.automatic_recipient", equalTo(false))
                .extract().path("data.id");
        get(reader, path() + "/" + id).statusCode(200).body("data.email", equalTo("Grace.Hopper+navy@Example.COM"));
        // The reference does no format validation beyond one @.
        post(all, path(), with(body(patient), "email", "grace@localhost")).statusCode(200);
    }

    @Test
    void updateKeepsFieldsLeftOutClearsNullsAndMovesUpdatedAtForward() {
        String patient = createPatient(all);
        String id = post(all, path(), with(body(patient), "friendly_name", "work")).statusCode(200)
                .extract().path("data.id");
        String before = get(reader, path() + "/" + id).extract().path("data.updated_at");
        put(all, path() + "/" + id, "{\"opted_in_to_email\": true, \"verified\": true, \"friendly_name\": null}")
                .statusCode(200)
                .body("data.opted_in_to_email", equalTo(true))
                .body("data.verified", equalTo(true))
                .body("data.friendly_name", nullValue());
        String after = get(reader, path() + "/" + id).statusCode(200)
                .body("data.email", equalTo("grace@example.com"))
                .body("data.user_id", equalTo(patient))
                .body("data.automatic_recipient", equalTo(false))
                .body("data.opted_in_to_email", equalTo(true))
                .extract().path("data.updated_at");
        assertTrue(TestHttp.instant(after).isAfter(TestHttp.instant(before)));
    }

    @Test
    void findFiltersByUserId() {
        String grace = createPatient(all);
        String ada = createPatient(all, TestApi.grace("first_name", "Ada"));
        String gracesEmail = post(all, path(), body(grace)).statusCode(200).extract().path("data.id");
        String adasEmail = post(all, path(), body(ada)).statusCode(200).extract().path("data.id");
        get(reader, path() + "?user_id=" + grace).statusCode(200).body("data.id", contains(gracesEmail));
        get(reader, path() + "?user_id=" + ada).statusCode(200).body("data.id", contains(adasEmail));
        get(reader, path()).statusCode(200).body("data.id", containsInAnyOrder(gracesEmail, adasEmail));
    }

    @Test
    void eachRuleAloneIsAnsweredWithItsCodeAndPathAndNothingIsStored() {
        String patient = createPatient(all);
        TestHttp.assertEachRefused(all, path(), body(patient), List.of(
                new BadInput("email", "grace.example.com", "bad_request"),
                new BadInput("email", "grace@navy@example.com", "bad_request"),
                new BadInput("email", 42, "parse_exception"),
                new BadInput("email", null, "bad_request"),
                new BadInput("email", TestHttp.ABSENT, "bad_request"),
                new BadInput("user_id", TestHttp.ABSENT, "bad_request"),
                new BadInput("user_id", "abc", "bad_request"),
                new BadInput("verified", "true", "parse_exception"),
                new BadInput("opted_in_to_email", 1, "parse_exception"),
                new BadInput("automatic_recipient", "no", "parse_exception"),
                new BadInput("friendly_name", false, "parse_exception"),
                new BadInput("primary", true, "bad_request")));
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void aUserIdThatNamesNoPatientOfTheTenantIsResourceNotFound() {
        String strangersPatient = createPatient(TestTokens.token(TestHttp.newTenant("stranger"), "all"));
        for (String userId : List.of(UUID.randomUUID().toString(), strangersPatient)) {
            post(all, path(), body(userId)).statusCode(404)
                    .body("errors[0].code", equalTo("resource_not_found"))
                    .body("errors[0].extra.path", equalTo(".user_id"));
        }
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }
}
