package io.carehub.patients;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The OpenAPI document shows every endpoint of every collection of this service. */
@QuarkusTest
class OpenApiTests {

    static final List<String> COLLECTIONS = List.of("patients", "phone_numbers", "email_addresses", "external_ids",
            "custom_data_type_records", "integration_tasks", "custom_data_types", "programs");

    @Test
    void everyCollectionHasGetFindFindByPostCreateUpdateAndExport() {
        ValidatableResponse doc = given().accept("application/json").get("/q/openapi").then().statusCode(200);
        for (String c : COLLECTIONS) {
            doc.body("paths", hasKey("/v1/" + c))
                    .body("paths['/v1/" + c + "'].get", notNullValue())
                    .body("paths['/v1/" + c + "'].post", notNullValue())
                    .body("paths['/v1/" + c + "/find'].post", notNullValue())
                    .body("paths['/v1/" + c + "/{id}'].get", notNullValue())
                    .body("paths['/v1/" + c + "/{id}'].put", notNullValue())
                    .body("paths['/v1/exports/" + c + "'].get", notNullValue());
        }
    }

    @Test
    void everyCreateAndUpdateDocumentsItsFieldsAndEveryEndpointItsErrors() {
        ValidatableResponse doc = given().accept("application/json").get("/q/openapi").then().statusCode(200);
        for (String c : COLLECTIONS) {
            doc.body("paths['/v1/" + c + "'].post.requestBody.content['application/json'].schema.$ref",
                    equalTo("#/components/schemas/" + c + ".create"))
                    .body("paths['/v1/" + c + "/{id}'].put.requestBody.content['application/json'].schema.$ref",
                            equalTo("#/components/schemas/" + c + ".update"))
                    .body("paths['/v1/" + c + "/{id}'].get.responses['404'].content['application/json'].schema.$ref",
                            equalTo("#/components/schemas/Errors"));
        }
        doc.body("components.schemas['patients.create'].required",
                        containsInAnyOrder("phase", "timezone", "first_name", "last_name", "birthday"))
                .body("components.schemas['patients.create'].properties.birthday.format", equalTo("date"))
                .body("components.schemas['patients.create'].properties.phone_numbers.type", equalTo("array"))
                .body("components.schemas['patients.create'].properties.phone_numbers.items.properties.phone_number_type.enum",
                        contains("cell", "landline", "other"))
                .body("components.schemas['phone_numbers.create'].required", hasItem("user_id"))
                .body("components.schemas['phone_numbers.update'].properties", not(hasKey("user_id")));
    }

    /** API-CORE.md §C4, §C5: the core face's patients, with camelCase bodies from the same rules as v1's. */
    @Test
    void theCoreFaceDocumentsItsPathsAndCamelCaseBodies() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths['/v1/{tenant}/patients'].get.parameters.name", hasItem("environment"))
                .body("paths['/v1/{tenant}/patients'].post.requestBody.content['application/json'].schema.$ref",
                        equalTo("#/components/schemas/patients.core.create"))
                .body("paths['/v1/{tenant}/patients/{patientId}'].get", notNullValue())
                .body("paths['/v1/{tenant}/patients/{patientId}'].patch.requestBody.content['application/merge-patch+json']"
                        + ".schema.$ref", equalTo("#/components/schemas/patients.core.patch"))
                .body("paths['/v1/{tenant}/patients/{patientId}'].patch.responses['404'].content['application/json'].schema.$ref",
                        equalTo("#/components/schemas/Errors"))
                .body("components.schemas['patients.core.create'].required",
                        containsInAnyOrder("phase", "timezone", "firstName", "lastName", "birthDate"))
                .body("components.schemas['patients.core.create'].properties", hasKey("externalId"))
                .body("components.schemas['patients.core.create'].properties", not(hasKey("phone_numbers")))
                .body("components.schemas['patients.core.patch'].properties.birthDate.format", equalTo("date"))
                .body("components.schemas['patients.create'].properties", hasKey("external_id"));
    }

    /** API-CORE.md §C6: custom data type definitions on the core face, and their records' flat bodies. */
    @Test
    void theCoreFaceDocumentsCustomDataTypesAndTheirRecords() {
        String records = "/v1/{tenant}/patients/{patientId}/cdts/{cdtName}";
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths['/v1/{tenant}/custom_data_types'].post.requestBody.content['application/json'].schema.$ref",
                        equalTo("#/components/schemas/custom_data_types.core.create"))
                .body("components.schemas['custom_data_types.core.create'].required", containsInAnyOrder("name", "fields"))
                .body("components.schemas['custom_data_types.create'].properties.fields.items.properties.type.enum",
                        hasItem("select"))
                .body("paths['" + records + "'].get", notNullValue())
                .body("paths['" + records + "'].post.requestBody.content['application/json'].schema.type", equalTo("object"))
                .body("paths['" + records + "/{recordId}'].patch.requestBody.content['application/merge-patch+json'].schema.type",
                        equalTo("object"))
                .body("paths['" + records + "/{recordId}'].delete.responses['404'].content['application/json'].schema.$ref",
                        equalTo("#/components/schemas/Errors"))
                .body("paths['/v1/custom_data_type_records/{id}'].delete", notNullValue());
    }
}
