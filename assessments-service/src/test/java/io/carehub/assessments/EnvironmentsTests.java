package io.carehub.assessments;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.testing.TestChangeEvents;
import io.carehub.commons.testing.TestEnvironments;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * API-CORE.md §C1: environments share a tenant and keep separate data. A sandbox assessment response, care flow and
 * patient task are stored in sandbox, announced as sandbox's, and do not exist for live; the patient and workers they
 * name must be sandbox's. (That every collection's reads are confined both ways is {@code CollectionContract}'s.)
 */
@QuarkusTest
class EnvironmentsTests {

    static final List<String> COLLECTIONS = List.of("assessment_responses", "care_flows", "patient_tasks");

    final String tenant = TestHttp.newTenant("environments");
    final String live = TestTokens.inEnvironment(tenant, "live", "all admin");
    final String sandbox = TestTokens.inEnvironment(tenant, "sandbox", "all admin");

    @Test
    void sandboxRecordsAreSandboxsAloneAndTheirEventsSaySo() {
        String patient = TestOwners.create("patients", tenant, "sandbox").toString();
        String worker = TestOwners.create("workers", tenant, "sandbox").toString();
        List<String> bodies = List.of(TestApi.intakeBody(patient), TestApi.careFlowBody(patient, worker),
                TestApi.taskBody(patient));
        String[] made = new String[3];
        List<JsonNode> events = TestChangeEvents.publishedBy("assessments-service.changes", TestApi::marker, tenant, null,
                () -> {
                    for (int i = 0; i < made.length; i++) {
                        made[i] = post(sandbox, "/v1/" + COLLECTIONS.get(i), bodies.get(i)).statusCode(200)
                                .extract().path("data.id");
                    }
                });
        assertEquals(COLLECTIONS, events.stream().map(e -> e.get("data").get("resource").asText()).sorted().toList());
        events.forEach(e -> assertEquals("sandbox", e.get("data").get("environment").asText(), e.toString()));
        for (int i = 0; i < made.length; i++) {
            TestEnvironments.assertOnlyIn(sandbox, live, COLLECTIONS.get(i), made[i]);
        }
    }

    @Test
    void aRecordNamesOnlyAPatientAndWorkersOfItsOwnEnvironment() {
        String livePatient = TestOwners.create("patients", tenant, "live").toString();
        String sandboxPatient = TestOwners.create("patients", tenant, "sandbox").toString();
        String liveWorker = TestOwners.create("workers", tenant, "live").toString();
        String sandboxWorker = TestOwners.create("workers", tenant, "sandbox").toString();
        post(sandbox, "/v1/patient_tasks", TestApi.taskBody(livePatient)).statusCode(404)
                .body("errors[0].code", equalTo("resource_not_found")).body("errors[0].extra.path", equalTo(".user_id"));
        post(sandbox, "/v1/assessment_responses", TestApi.intakeBody(livePatient)).statusCode(404)
                .body("errors[0].code", equalTo("resource_not_found"));
        post(sandbox, "/v1/care_flows", TestApi.careFlowBody(sandboxPatient, liveWorker)).statusCode(404)
                .body("errors[0].code", equalTo("resource_not_found"));
        post(sandbox, "/v1/care_flows", TestApi.careFlowBody(sandboxPatient, sandboxWorker)).statusCode(200);
    }
}
