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
    void calendarEventBodiesAreTheirValidationSchemaWithoutTheDerivedIsAllDay() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths['/v1/calendar_events'].post.requestBody.content['application/json'].schema.$ref",
                        equalTo("#/components/schemas/calendar_events.create"))
                .body("paths['/v1/calendar_events/{id}'].put.requestBody.content['application/json'].schema.$ref",
                        equalTo("#/components/schemas/calendar_events.update"))
                .body("components.schemas['calendar_events.create'].required",
                        contains("calendar_id", "user_id", "modality", "appointment_type"))
                .body("components.schemas['calendar_events.create'].properties.keySet()",
                        contains("calendar_id", "user_id", "start_time", "end_time", "day", "outcome", "modality",
                                "appointment_type"))
                .body("components.schemas['calendar_events.create'].properties.modality.enum",
                        contains("call", "visit", "video", "phone"))
                .body("components.schemas['calendar_events.create'].properties.outcome.enum",
                        contains("completed", "cancelled", "no-show"))
                .body("components.schemas['calendar_events.create'].properties.start_time.format", equalTo("date-time"))
                .body("components.schemas['calendar_events.create'].properties.day.format", equalTo("date"))
                .body("components.schemas['calendar_events.update'].properties", not(hasKey("user_id")))
                .body("components.schemas['calendar_events.update']", not(hasKey("required")))
                .body("paths['/v1/calendar_events'].post.responses.keySet()",
                        hasItems("200", "400", "401", "403", "404", "413", "415", "500"))
                .body("paths['/v1/calendar_events/{id}'].put.responses.keySet()", hasItems("200", "400", "404"))
                .body("paths['/v1/calendar_events'].get.responses.keySet()", hasItems("200", "400", "401", "403"))
                .body("paths['/v1/calendar_events/find'].post.responses.keySet()", hasItems("200", "400"))
                .body("paths['/v1/exports/calendar_events'].get.responses.keySet()", hasItems("200", "401", "403"));
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
