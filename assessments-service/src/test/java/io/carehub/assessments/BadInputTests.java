package io.carehub.assessments;

import java.util.LinkedHashMap;
import java.util.Map;

import io.carehub.commons.testing.BadInputContract;
import io.quarkus.test.junit.QuarkusTest;

/** Bad input everywhere, generated from the OpenAPI document (issue 13): {@link BadInputContract}. */
@QuarkusTest
class BadInputTests extends BadInputContract {

    @Override
    protected String service() {
        return "assessments-service";
    }

    @Override
    protected Map<String, String> validBodies() {
        String patient = TestApi.patient(tenant);
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("assessment_responses", TestApi.intakeBody(patient));
        bodies.put("care_flows", TestApi.careFlowBody(patient, TestApi.worker(tenant)));
        bodies.put("patient_tasks", TestApi.taskBody(patient));
        bodies.put("encounters", TestApi.encounterBody(patient));
        bodies.put("forms", TestApi.formBody("f_" + java.util.UUID.randomUUID().toString().replace("-", "_"),
                TestApi.MOOD_QUESTIONS));
        return bodies;
    }
}
