package io.carehub.commons.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

/**
 * What every service shows the same way (ARCHITECTURE.md, "Observability"): health, metrics, OpenAPI,
 * the errors body for an unknown route. Each service runs these with an empty {@code @QuarkusTest} subclass.
 */
public abstract class ServiceConventionsTests {

    @Test
    void isLiveAndReadyWithItsDatabaseChecked() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL")));
    }

    @Test
    void reportsTheOutboxBacklogAsWellnessAndMetrics() {
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("carehub_outbox_pending"))
                .body(containsString("carehub_outbox_events_published_total"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("openapi", containsString("3."));
    }

    @Test
    void tagsEveryResponseWithTheRequestIdTheGatewaySentOrANewOne() {
        given().header("X-Request-Id", "gw-1234abcd").get("/v1/no_such_collection").then()
                .header("X-Request-Id", equalTo("gw-1234abcd"));
        given().get("/v1/no_such_collection").then()
                .header("X-Request-Id", matchesPattern("^[0-9a-f-]{36}$"));
        given().header("X-Request-Id", "<script>").get("/v1/no_such_collection").then()
                .header("X-Request-Id", matchesPattern("^[0-9a-f-]{36}$"));
    }

    @Test
    void answersAnUnknownRouteWithTheErrorsBody() {
        given().auth().oauth2(TestTokens.token("conventions", "all")).get("/v1/no_such_collection").then()
                .statusCode(404)
                .body("errors[0].code", equalTo("not_found"))
                .body("errors[0].status", equalTo(404));
    }
}
