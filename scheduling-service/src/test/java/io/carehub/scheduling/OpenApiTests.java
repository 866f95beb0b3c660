package io.carehub.scheduling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document shows each endpoint, the fields it takes (from the validation schemas) and its errors. */
@QuarkusTest
class OpenApiTests {

    @Test
    void createAndUpdateBodiesAreTheValidationSchemas() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths['/v1/workers'].post.requestBody.content['application/json'].schema.$ref",
                        equalTo("#/components/schemas/workers.create"))
                .body("paths['/v1/workers/{id}'].put.requestBody.content['application/json'].schema.$ref",
                        equalTo("#/components/schemas/workers.update"))
                .body("components.schemas['workers.create'].required", contains("email"))
                .body("components.schemas['workers.create'].properties.keySet()",
                        hasItems("email", "first_name", "last_name", "phone_number", "timezone", "gender"))
                .body("components.schemas['workers.create'].properties.gender.enum",
                        contains("Male", "Female", "Unknown", "Other", "Transgender", "Decline"))
                .body("components.schemas['workers.create'].properties.phone_number.example", equalTo("555-555-1234"))
                .body("components.schemas['workers.update']", not(hasKey("required")));
    }

    @Test
    void everyEndpointDocumentsTheErrorsBody() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Errors.required", contains("errors"))
                .body("paths['/v1/workers/{id}'].get.responses['401'].content['application/json'].schema.$ref",
                        equalTo("#/components/schemas/Errors"))
                .body("paths['/v1/workers/{id}'].get.responses['404'].description", equalTo("not_found: no such resource in the caller's tenant"))
                .body("paths['/v1/workers'].post.responses.keySet()", hasItems("200", "400", "401", "403", "404", "413", "415", "500"))
                .body("paths['/v1/calendars'].get.responses.keySet()", hasItems("200", "400", "401", "403"));
    }
}
