package io.carehub.assessments;

import static io.carehub.commons.testing.TestHttp.post;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestChangeEvents;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestKafka;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * This service names patients of patients-service and workers of scheduling-service through the shared reference
 * mechanism (ARCHITECTURE.md): known from their change topics, else asked of their owners; remembered once known.
 */
@QuarkusTest
class ReferencesTests {

    @Inject
    Pool pool;

    final String tenant = TestHttp.newTenant("references");
    final String admin = TestTokens.token(tenant, "all admin");

    @Test
    void aPatientAndAWorkerKnownFromTheirOwnersChangeTopicsAreAcceptedWithoutAskingThem() {
        UUID patient = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        TestChangeEvents.publish("patients-service.changes", patient.toString(),
                TestChangeEvents.changeEvent("patients-service", tenant, "patients", patient, "created").toString());
        TestChangeEvents.publish("scheduling-service.changes", worker.toString(),
                TestChangeEvents.changeEvent("scheduling-service", tenant, "workers", worker, "created").toString());
        TestChangeEvents.awaitKnown(pool, "patients", tenant, patient);
        TestChangeEvents.awaitKnown(pool, "workers", tenant, worker);
        TestOwners.unreachable(true);
        try {
            post(admin, "/v1/care_flows", TestApi.careFlowBody(patient.toString(), worker.toString())).statusCode(200)
                    .body("data.user_id", equalTo(patient.toString()));
            post(admin, "/v1/patient_tasks", TestApi.taskBody(patient.toString())).statusCode(200);
            post(admin, "/v1/assessment_responses", TestApi.intakeBody(patient.toString())).statusCode(200);
        } finally {
            TestOwners.unreachable(false);
        }
    }

    @Test
    void aPatientAndWorkersCreatedAMomentAgoAreAcceptedAtOnceAlsoWhileKafkaIsDownAndThenRemembered() throws Exception {
        TestKafka.stopBroker();
        try {
            for (int i = 0; i < 20; i++) {
                String patient = TestApi.patient(tenant);
                String worker = TestApi.worker(tenant);
                post(admin, "/v1/care_flows", TestApi.careFlowBody(patient, worker)).statusCode(200);
                post(admin, "/v1/patient_tasks", TestApi.taskBody(patient)).statusCode(200);
            }
        } finally {
            TestKafka.startBroker();
        }
        String patient = TestApi.patient(tenant);
        String worker = TestApi.worker(tenant);
        post(admin, "/v1/care_flows", TestApi.careFlowBody(patient, worker)).statusCode(200);
        int asked = TestOwners.asked();
        TestOwners.unreachable(true);
        try {
            post(admin, "/v1/care_flows", TestApi.careFlowBody(patient, worker)).statusCode(200);
            post(admin, "/v1/assessment_responses", TestApi.intakeBody(patient)).statusCode(200);
        } finally {
            TestOwners.unreachable(false);
        }
        assertEquals(asked, TestOwners.asked(), "a known patient and worker are not asked about again");
    }
}
