package io.carehub.patients;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Rate limits per client (io.carehub.commons.ratelimit, README "Rate limits"), with limits low enough to reach: a
 * client past its reads or writes is answered {@code 429 too_many_requests} with {@code Retry-After} and the errors
 * body; another client is not affected, and the same client is served again once its bucket refilled.
 */
@QuarkusTest
@TestProfile(RateLimitTests.LowLimits.class)
class RateLimitTests {

    static final int READS_BURST = 3;
    static final int WRITES_BURST = 2;

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("carehub.rate-limit.reads-per-second", "1", "carehub.rate-limit.reads-burst", String.valueOf(READS_BURST),
                    "carehub.rate-limit.writes-per-second", "1", "carehub.rate-limit.writes-burst", String.valueOf(WRITES_BURST));
        }
    }

    private static String newClient(String prefix) {
        return TestTokens.token(TestHttp.newTenant(prefix), "all");
    }

    /** Sends {@code request} until it is refused (at most {@code max} times): how many were served first, and the refusal. */
    private static int servedUntilRefused(java.util.function.Supplier<Response> request, int max, Response[] refusal) {
        for (int i = 0; i < max; i++) {
            Response r = request.get();
            if (r.statusCode() == 429) {
                refusal[0] = r;
                return i;
            }
            assertEquals(200, r.statusCode(), "request " + (i + 1) + ": " + r.asString());
        }
        throw new AssertionError("never refused in " + max + " requests");
    }

    private static void assertTooManyRequests(Response r, String kind) {
        r.then().statusCode(429).contentType(ContentType.JSON)
                .header("Retry-After", equalTo("1"))
                .body("errors.size()", equalTo(1))
                .body("errors[0].status", equalTo(429))
                .body("errors[0].code", equalTo("too_many_requests"))
                .body("errors[0].title", equalTo("Too Many Requests"))
                .body("errors[0].detail", startsWith("too many " + kind + " for this client: at most 1 a second"));
    }

    @Test
    void aClientPastItsReadsGets429WithRetryAfterAndOthersAreServed() {
        String client = newClient("rl-reads");
        Response[] refusal = new Response[1];
        int served = servedUntilRefused(() -> given().auth().oauth2(client).get("/v1/patients"), 10, refusal);
        // The burst, plus at most what refilled meanwhile (1 a second).
        assertTrue(served >= READS_BURST && served <= READS_BURST + 2, "served " + served);
        assertTooManyRequests(refusal[0], "reads");

        get(newClient("rl-other"), "/v1/patients").statusCode(200);
    }

    @Test
    void aRefusedClientIsServedAgainOnceItsBucketRefilled() {
        String client = newClient("rl-again");
        Response[] refusal = new Response[1];
        servedUntilRefused(() -> given().auth().oauth2(client).get("/v1/patients"), 10, refusal);
        long refusedAt = System.nanoTime();
        long retryAfter = Long.parseLong(refusal[0].header("Retry-After"));

        long deadline = refusedAt + Duration.ofSeconds(retryAfter + 3).toNanos();
        int status;
        do {
            status = given().auth().oauth2(client).get("/v1/patients").statusCode();
            if (status == 429) {
                try {
                    Thread.sleep(50); // polling a refill, at most until the deadline
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        } while (status == 429 && System.nanoTime() < deadline);
        assertEquals(200, status, "still refused " + retryAfter + " s + 3 s after the 429");
        assertTrue(System.nanoTime() - refusedAt <= Duration.ofSeconds(retryAfter + 1).toNanos(),
                "served again within Retry-After (+1 s of slack)");
    }

    @Test
    void findByPostIsARead() {
        String client = newClient("rl-find");
        Response[] refusal = new Response[1];
        servedUntilRefused(() -> given().auth().oauth2(client).get("/v1/patients"), 10, refusal);
        long refusedAt = System.nanoTime();
        Response[] findRefusal = new Response[1];
        int served = servedUntilRefused(() -> given().auth().oauth2(client).contentType(ContentType.JSON).body("{}")
                .post("/v1/patients/find"), 10, findRefusal);
        double seconds = (System.nanoTime() - refusedAt) / 1e9;
        // The reads' bucket, refused a moment ago: it held less than one read then (up to nearly one), so only that
        // and what refilled meanwhile (1 a second) is served, on a slow machine too. As a write the find would have had
        // a fresh burst of its own (2), and its refusal would say writes.
        assertTrue(served < seconds + 1, served + " finds served in " + seconds + " s after the reads ran out");
        assertTooManyRequests(findRefusal[0], "reads");
    }

    @Test
    void writesHaveABucketOfTheirOwn() {
        String client = newClient("rl-writes");
        Response[] refusal = new Response[1];
        int served = servedUntilRefused(() -> given().auth().oauth2(client).contentType(ContentType.JSON).body(TestApi.GRACE)
                .post("/v1/patients"), 10, refusal);
        assertTrue(served >= WRITES_BURST && served <= WRITES_BURST + 2, "served " + served);
        assertTooManyRequests(refusal[0], "writes");
        // Its reads are still served, and so are another client's writes.
        get(client, "/v1/patients").statusCode(200);
        post(newClient("rl-writes-other"), "/v1/patients", TestApi.GRACE).statusCode(200);
    }

    @Test
    void theOpenApiDocumentNamesThe429OfEveryOperation() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths['/v1/patients'].get.responses['429'].description", startsWith("too_many_requests"))
                .body("paths['/v1/patients/{id}'].put.responses['429'].content['application/json'].schema.$ref",
                        equalTo("#/components/schemas/Errors"));
    }

    @Test
    void aRequestWithoutAValidTokenIsUnauthorizedNotCounted() {
        for (int i = 0; i < READS_BURST + 2; i++) {
            given().get("/v1/patients").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        }
    }
}
