package io.carehub.notifier;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.carehub.commons.testing.ServiceConventionsTests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ConventionsTests extends ServiceConventionsTests {

    /** notifier-service holds the API clients: made, disabled, enabled and deleted through its API, by the operator. */
    @Override
    protected ApiClients apiClients() {
        return new ApiClients() {
            @Override
            public RevocableClient create(String tenant) {
                TestClients.Client client = TestClients.create(tenant, "all");
                return new RevocableClient(UUID.fromString(client.id()), tenant, TestClients.accessToken(client));
            }

            @Override
            public void disable(RevocableClient client) {
                update(client, "{\"disabled\": true}");
            }

            @Override
            public void enable(RevocableClient client) {
                update(client, "{\"disabled\": false}");
            }

            @Override
            public void delete(RevocableClient client) {
                given().auth().oauth2(TestClients.operator()).delete("/v1/api_clients/" + client.id()).then().statusCode(200);
            }

            private void update(RevocableClient client, String body) {
                given().auth().oauth2(TestClients.operator()).contentType(ContentType.JSON).body(body)
                        .put("/v1/api_clients/" + client.id()).then().statusCode(200);
            }
        };
    }
}
