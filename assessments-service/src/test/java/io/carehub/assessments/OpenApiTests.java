package io.carehub.assessments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The OpenAPI document shows every endpoint of every collection of this service, and only the ones it has. */
@QuarkusTest
class OpenApiTests {

    @Test
    void everyCollectionHasGetFindFindByPostCreateAndExportAndOnlyItsOwnUpdateAndDelete() {
        ValidatableResponse doc = given().accept("application/json").get("/q/openapi").then().statusCode(200);
        for (String c : List.of("assessment_responses", "care_flows", "patient_tasks", "encounters", "forms")) {
            doc.body("paths['/v1/" + c + "'].get", notNullValue())
                    .body("paths['/v1/" + c + "'].post", notNullValue())
                    .body("paths['/v1/" + c + "/find'].post", notNullValue())
                    .body("paths['/v1/" + c + "/{id}'].get", notNullValue())
                    .body("paths['/v1/exports/" + c + "'].get", notNullValue())
                    .body("paths['/v1/" + c + "'].post.requestBody.content['application/json'].schema.$ref",
                            equalTo("#/components/schemas/" + c + ".create"))
                    .body("paths['/v1/" + c + "/{id}'].get.responses['404'].content['application/json'].schema.$ref",
                            equalTo("#/components/schemas/Errors"));
        }
        doc.body("paths['/v1/care_flows/{id}'].put.requestBody.content['application/json'].schema.$ref",
                        equalTo("#/components/schemas/care_flows.update"))
                .body("paths['/v1/assessment_responses/{id}'].put", nullValue())
                .body("paths['/v1/patient_tasks/{id}'].put", nullValue())
                .body("paths['/v1/patient_tasks/{id}'].delete", notNullValue())
                .body("paths['/v1/care_flows/{id}'].delete", nullValue())
                .body("components.schemas", not(hasKey("assessment_responses.update")))
                .body("components.schemas", not(hasKey("patient_tasks.update")))
                .body("paths['/v1/encounters/{id}'].put.requestBody.content['application/json'].schema.$ref",
                        equalTo("#/components/schemas/encounters.update"))
                .body("paths['/v1/encounters/{id}'].delete", notNullValue())
                .body("paths['/v1/forms/{id}'].delete", nullValue());
    }

    /** API-CORE.md §C8: the core face's encounters and assessments, their camelCase bodies and 409 locked. */
    @Test
    void theCoreFaceDocumentsEncountersAndAssessmentsAndTheirLocking() {
        String encounters = "/v1/{tenant}/patients/{patientId}/encounters";
        String assessments = "/v1/{tenant}/patients/{patientId}/assessments";
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths['" + encounters + "'].post.requestBody.content['application/json'].schema.$ref",
                        equalTo("#/components/schemas/encounters.core.create"))
                .body("components.schemas['encounters.core.create'].properties.status.enum", contains("OPEN", "COMPLETED"))
                .body("components.schemas['encounters.core.create'].properties", hasKey("startTime"))
                .body("paths['" + encounters + "/{encounterId}'].patch.requestBody.content['application/merge-patch+json']"
                        + ".schema.$ref", equalTo("#/components/schemas/encounters.core.patch"))
                .body("paths['" + encounters + "/{encounterId}'].patch.responses['409'].content['application/json']"
                        + ".schema.$ref", equalTo("#/components/schemas/Errors"))
                .body("paths['" + encounters + "/{encounterId}'].patch", not(hasKey("x-locked-when")))
                .body("paths['/v1/encounters/{id}'].put.responses['409'].description", containsString("locked"))
                .body("paths['/v1/encounters/{id}'].get.responses", not(hasKey("409")))
                .body("paths['" + assessments + "'].post.requestBody.content['application/json'].schema.$ref",
                        equalTo("#/components/schemas/assessment_responses.core.create"))
                .body("components.schemas['assessment_responses.core.create'].required", contains("formName"))
                .body("paths['" + assessments + "/{id}'].patch.responses['409'].description", containsString("locked"))
                .body("components.schemas.Errors.properties.errors.items.properties.code.enum", hasItem("locked"));
    }

    @Test
    void everyCreateDocumentsItsFieldsTheCareFlowDownToItsInterventions() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas['assessment_responses.create'].required", containsInAnyOrder("user_id", "model"))
                .body("components.schemas['assessment_responses.create'].properties.model.type", equalTo("object"))
                .body("components.schemas['patient_tasks.create'].required", containsInAnyOrder("user_id", "task_type"))
                .body("components.schemas['patient_tasks.create'].properties.dismissed.type", equalTo("boolean"))
                .body("components.schemas['care_flows.create'].required", containsInAnyOrder("user_id", "care_flow"))
                .body("components.schemas['care_flows.create'].properties.care_flow.required", contains("goals"))
                .body("components.schemas['care_flows.create'].properties.care_flow.properties.goals.items.properties"
                        + ".interventions.items.properties.reminder_date.format", equalTo("date-time"))
                .body("components.schemas['care_flows.create'].properties.care_flow.properties.goals.items.properties"
                        + ".interventions.items.properties.worker_id.format", equalTo("uuid"))
                .body("components.schemas['care_flows.update'].properties", not(hasKey("user_id")))
                .body("components.schemas['care_flows.update']", not(hasKey("required")));
    }
}
