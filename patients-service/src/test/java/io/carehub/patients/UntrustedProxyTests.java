package io.carehub.patients;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** X-Forwarded-* are believed only from the configured proxies (the gateway): links never name a host a client made up. */
@QuarkusTest
@TestProfile(UntrustedProxyTests.GatewayElsewhere.class)
class UntrustedProxyTests {

    /** The gateway is some other address: this test's client (loopback) is not it. */
    public static class GatewayElsewhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "192.0.2.1");
        }
    }

    @Test
    void forwardedHeadersFromAnyoneElseAreIgnored() {
        String token = TestTokens.token(TestHttp.newTenant("proxy"), "all");
        given().auth().oauth2(token).header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
                .get("/v1/patients").then().statusCode(200)
                .body("links.href.current", startsWith("http://localhost:"));
    }
}
