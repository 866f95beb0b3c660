package io.carehub.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The OpenAPI document shows every endpoint of every collection of this service, and no Update. */
@QuarkusTest
class OpenApiTests {

    static final List<String> COLLECTIONS = List.of("conversations", "messages");

    @Test
    void everyCollectionHasGetFindFindByPostCreateAndExportButNoUpdate() {
        ValidatableResponse doc = given().accept("application/json").get("/q/openapi").then().statusCode(200);
        for (String c : COLLECTIONS) {
            doc.body("paths", hasKey("/v1/" + c))
                    .body("paths['/v1/" + c + "'].get", notNullValue())
                    .body("paths['/v1/" + c + "'].post", notNullValue())
                    .body("paths['/v1/" + c + "/find'].post", notNullValue())
                    .body("paths['/v1/" + c + "/{id}'].get", notNullValue())
                    .body("paths['/v1/" + c + "/{id}'].put", nullValue())
                    .body("paths['/v1/exports/" + c + "'].get", notNullValue())
                    .body("paths['/v1/" + c + "'].post.requestBody.content['application/json'].schema.$ref",
                            equalTo("#/components/schemas/" + c + ".create"))
                    .body("paths['/v1/" + c + "/{id}'].get.responses['404'].content['application/json'].schema.$ref",
                            equalTo("#/components/schemas/Errors"));
        }
    }

    @Test
    void everyCreateDocumentsItsFields() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas['conversations.create'].required", contains("user_id"))
                .body("components.schemas['conversations.create'].properties.conversation_type.enum",
                        contains("app", "third_party_app", "phone", "email"))
                .body("components.schemas['messages.create'].required",
                        containsInAnyOrder("user_id", "conversation_id", "direction", "contents"))
                .body("components.schemas['messages.create'].properties.direction.enum", contains("inbound", "outbound"))
                .body("components.schemas['messages.create'].properties.send_time.format", equalTo("date-time"))
                .body("components.schemas['messages.create'].properties.contents.maxLength", equalTo(100_000))
                .body("components.schemas['messages.create'].properties.automatically_sent.type", equalTo("boolean"))
                .body("components.schemas['messages.create'].properties.worker_id.format", equalTo("uuid"));
    }
}
