package io.carehub.patients;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** The gateway (loopback here, TRUSTED_PROXIES) describes the public URL with X-Forwarded-*: links follow it. */
@QuarkusTest
class TrustedProxyTests {

    @Test
    void forwardedHeadersFromTheGatewayMakeTheLinks() {
        String token = TestTokens.token(TestHttp.newTenant("proxy"), "all");
        given().auth().oauth2(token).header("X-Forwarded-Host", "api.example.com").header("X-Forwarded-Proto", "https")
                .get("/v1/patients").then().statusCode(200)
                .body("links.href.current", startsWith("https://api.example.com/v1/patients"));
    }
}
