package io.carehub.patients;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static io.carehub.patients.TestApi.createPatient;
import static io.carehub.patients.TestApi.grace;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.testing.TestEnvironments;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * API-CORE.md §C1: environments share a tenant and keep separate data. What a sandbox token writes is stored in
 * sandbox, announced as sandbox's, and does not exist for live, and whatever it names must exist in sandbox. (That
 * every collection's reads are confined both ways is {@code CollectionContract}'s, for every collection.)
 */
@QuarkusTest
class EnvironmentsTests {

    final String tenant = TestHttp.newTenant("environments");
    final String live = TestTokens.inEnvironment(tenant, "live", "all admin");
    final String sandbox = TestTokens.inEnvironment(tenant, "sandbox", "all admin");

    @Test
    void aSandboxPatientAndEveryRecordItsCreateMakesAreSandboxsAloneAndTheirEventsSaySo() {
        String[] patient = new String[1];
        List<JsonNode> events = TestEvents.publishedBy(tenant, () -> patient[0] = createPatient(sandbox, grace(
                "phone", "555-555-0100", "email", "grace@example.com",
                "external_ids", List.of(Map.of("namespace", "ehr", "external_id", "MRN-1")),
                "custom_data_type_records", List.of(Map.of("type_name", "intake", "body", Map.of("score", 3))))));
        Map<String, String> made = new HashMap<>();
        for (JsonNode event : events) {
            JsonNode data = event.get("data");
            assertEquals("sandbox", data.get("environment").asText(), event.toString());
            assertEquals("created", data.get("operation").asText());
            made.put(data.get("resource").asText(), data.get("id").asText());
        }
        assertEquals(List.of("custom_data_type_records", "email_addresses", "external_ids", "patients", "phone_numbers"),
                made.keySet().stream().sorted().toList());
        assertEquals(patient[0], made.get("patients"));
        made.forEach((collection, id) -> TestEnvironments.assertOnlyIn(sandbox, live, collection, id));
    }

    @Test
    void aRecordNamesOnlyAPatientOfItsOwnEnvironment() {
        String sandboxPatient = createPatient(sandbox);
        String livePatient = createPatient(live);
        for (String collection : List.of("phone_numbers", "email_addresses", "custom_data_type_records", "integration_tasks")) {
            post(live, "/v1/" + collection, bodyOf(collection, sandboxPatient)).statusCode(404)
                    .body("errors[0].code", equalTo("resource_not_found")).body("errors[0].extra.path", equalTo(".user_id"));
            post(sandbox, "/v1/" + collection, bodyOf(collection, livePatient)).statusCode(404)
                    .body("errors[0].code", equalTo("resource_not_found")).body("errors[0].extra.path", equalTo(".user_id"));
            String id = post(sandbox, "/v1/" + collection, bodyOf(collection, sandboxPatient)).statusCode(200)
                    .extract().path("data.id");
            put(live, "/v1/" + collection + "/" + id, "{}").statusCode(404).body("errors[0].code", equalTo("not_found"));
        }
    }

    @Test
    void uniquenessHoldsWithinAnEnvironmentNotAcrossThem() {
        String body = """
                {"namespace": "ehr", "resource": "patients", "external_id": "MRN-7", "welkin_id": "%s"}""";
        post(live, "/v1/external_ids", body.formatted(createPatient(live))).statusCode(200);
        String sandboxPatient = createPatient(sandbox);
        post(sandbox, "/v1/external_ids", body.formatted(sandboxPatient)).statusCode(200);
        post(sandbox, "/v1/external_ids", body.formatted(sandboxPatient)).statusCode(400)
                .body("errors[0].code", equalTo("uniqueness_exception"));
    }

    @Test
    void aSandboxPatientIsCoachedOnlyByASandboxWorker() {
        UUID liveWorker = TestOwners.create("workers", tenant, "live");
        UUID sandboxWorker = TestOwners.create("workers", tenant, "sandbox");
        post(sandbox, "/v1/patients", grace("coach_id", liveWorker.toString())).statusCode(404)
                .body("errors[0].code", equalTo("resource_not_found")).body("errors[0].extra.path", equalTo(".coach_id"));
        post(live, "/v1/patients", grace("coach_id", sandboxWorker.toString())).statusCode(404)
                .body("errors[0].code", equalTo("resource_not_found"));
        post(sandbox, "/v1/patients", grace("coach_id", sandboxWorker.toString())).statusCode(200)
                .body("data.coach_id", equalTo(sandboxWorker.toString()));
        // Remembered for sandbox only: live still asks, and is still refused.
        post(live, "/v1/patients", grace("coach_id", sandboxWorker.toString())).statusCode(404);
    }

    @Test
    void aTokenFromBeforeEnvironmentsWorksInLive() {
        String old = TestTokens.token(tenant, "all");
        String id = createPatient(old);
        get(live, "/v1/patients/" + id).statusCode(200).body("data.id", equalTo(id));
        get(sandbox, "/v1/patients/" + id).statusCode(404);
        assertTrue(get(old, "/v1/patients?page[size]=1000").statusCode(200).extract().jsonPath()
                .getList("data.id").contains(id));
        // And the reverse of a sandbox patient's: live's patients are none of sandbox's.
        get(sandbox, "/v1/patients?page[size]=1000").statusCode(200).body("data.id", not(hasItem(id)));
        assertFalse(get(sandbox, "/v1/exports/patients").statusCode(200).extract().asString().contains(id));
        put(sandbox, "/v1/patients/" + id, "{\"phase\": \"enrolled\"}").statusCode(404);
        get(old, "/v1/patients/" + id).statusCode(200).body("data.phase", equalTo("intake"));
    }

    private static String bodyOf(String collection, String userId) {
        return switch (collection) {
            case "phone_numbers" -> """
                    {"user_id": "%s", "phone_number": "555-555-0101", "phone_number_type": "cell"}""".formatted(userId);
            case "email_addresses" -> """
                    {"user_id": "%s", "email": "ada@example.com"}""".formatted(userId);
            case "custom_data_type_records" -> """
                    {"user_id": "%s", "type_name": "intake", "body": {"score": 1}}""".formatted(userId);
            case "integration_tasks" -> """
                    {"user_id": "%s", "status": "unattempted", "job_id": "job-1"}""".formatted(userId);
            default -> throw new IllegalArgumentException(collection);
        };
    }
}
