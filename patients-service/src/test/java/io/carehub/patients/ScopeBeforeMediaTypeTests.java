package io.carehub.patients;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** Only a caller who may use an endpoint learns which media types it has (API.md §1, Scopes). */
@QuarkusTest
class ScopeBeforeMediaTypeTests {

    static final List<String> ACCEPTS = List.of("application/json", "text/html", "application/xml", "text/plain");

    final String tenant = TestHttp.newTenant("accept");

    @Test
    void anExportWithoutItsScopeIs403WhateverTheAcceptHeaderAsks() {
        String patientsRead = TestTokens.token(tenant, "patients.read");
        for (String accept : ACCEPTS) {
            given().auth().oauth2(patientsRead).accept(accept).get("/v1/exports/phone_numbers").then()
                    .statusCode(403)
                    .body("errors[0].code", equalTo("forbidden"));
        }
        given().auth().oauth2(patientsRead).accept("text/csv").get("/v1/exports/phone_numbers").then().statusCode(403);
    }

    @Test
    void withoutATokenItIs401() {
        given().accept("application/json").get("/v1/exports/phone_numbers").then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("errors[0].code", equalTo("unauthorized"));
        given().auth().oauth2("not-a-token").accept("application/json").get("/v1/exports/phone_numbers").then()
                .statusCode(401)
                .body("errors[0].code", equalTo("unauthorized"));
    }

    @Test
    void aCallerWithTheScopeLearnsTheMediaTypeIsNotAvailable() {
        for (String token : List.of(TestTokens.token(tenant, "phone_numbers.read"), TestTokens.token(tenant, "all"))) {
            given().auth().oauth2(token).accept("application/json").get("/v1/exports/phone_numbers").then()
                    .statusCode(406)
                    .body("errors[0].code", equalTo("not_acceptable"));
            given().auth().oauth2(token).accept("text/csv").get("/v1/exports/phone_numbers").then().statusCode(200);
        }
    }

    @Test
    void aFindAskedForCsvIsForbiddenWithoutItsScope() {
        given().auth().oauth2(TestTokens.token(tenant, "patients.read")).accept("text/csv").get("/v1/phone_numbers").then()
                .statusCode(403).body("errors[0].code", equalTo("forbidden"));
        given().auth().oauth2(TestTokens.token(tenant, "phone_numbers.read")).accept("text/csv").get("/v1/phone_numbers")
                .then().statusCode(406).body("errors[0].code", equalTo("not_acceptable"));
    }
}
