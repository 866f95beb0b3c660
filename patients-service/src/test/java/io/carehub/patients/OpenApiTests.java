package io.carehub.patients;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The OpenAPI document shows every endpoint of every collection of this service. */
@QuarkusTest
class OpenApiTests {

    static final List<String> COLLECTIONS = List.of("patients", "phone_numbers", "email_addresses", "external_ids",
            "custom_data_type_records", "integration_tasks");

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
}
