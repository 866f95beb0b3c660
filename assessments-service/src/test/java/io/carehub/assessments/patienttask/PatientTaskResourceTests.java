package io.carehub.assessments.patienttask;

import static io.carehub.commons.testing.TestHttp.ABSENT;
import static io.carehub.commons.testing.TestHttp.delete;
import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.assessments.TestApi;
import io.carehub.commons.testing.CollectionContract;
import io.carehub.commons.testing.FindPages;
import io.carehub.commons.testing.TestChangeEvents;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestHttp.BadInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Patient tasks (API.md §4): the contract of every collection, and the soft delete of API.md §2. */
@QuarkusTest
class PatientTaskResourceTests extends CollectionContract {

    private final String patient = TestApi.patient(tenant);

    @Override
    protected String collection() {
        return "patient_tasks";
    }

    @Override
    protected String service() {
        return "assessments-service";
    }

    @Override
    protected List<String> fields() {
        return List.of("id", "user_id", "task_type", "dismissed", "created_at", "updated_at");
    }

    @Override
    protected String exportHeader() {
        return "id,user_id,task_type,dismissed,created_at,updated_at,deleted";
    }

    @Override
    protected String validBody() {
        return TestApi.taskBody(patient);
    }

    @Override
    protected String marker() {
        return TestApi.marker();
    }

    @Override
    protected boolean hasDelete() {
        return true;
    }

    @Test
    void aTaskHasItsTypeAndDismissedTrueFalseOrNull() {
        post(all, path(), validBody()).statusCode(200)
                .body("data.user_id", equalTo(patient)).body("data.task_type", equalTo("follow_up_call"))
                .body("data.dismissed", equalTo(false)).body("data", not(hasKey("deleted")));
        post(all, path(), TestHttp.with(validBody(), "dismissed", true)).statusCode(200).body("data.dismissed", equalTo(true));
        post(all, path(), TestHttp.with(validBody(), "dismissed", null)).statusCode(200).body("data.dismissed", equalTo(null));
        post(all, path(), TestHttp.with(validBody(), "dismissed", ABSENT)).statusCode(200)
                .body("data", hasKey("dismissed")).body("data.dismissed", equalTo(null));
    }

    @Test
    void everyFieldIsCheckedAndABadOneStoresAndPublishesNothing() {
        List<BadInput> cases = List.of(
                new BadInput("user_id", ABSENT, "bad_request"),
                new BadInput("user_id", "x", "bad_request"),
                new BadInput("user_id", UUID.randomUUID().toString(), 404, "resource_not_found", ".user_id"),
                new BadInput("task_type", ABSENT, "bad_request"),
                new BadInput("task_type", null, "bad_request"),
                new BadInput("task_type", "", "bad_request"),
                new BadInput("task_type", 3, "parse_exception"),
                new BadInput("dismissed", "no", "parse_exception"),
                new BadInput("dismissed", 0, "parse_exception"),
                new BadInput("deleted", true, "bad_request"));
        var events = TestChangeEvents.publishedBy("assessments-service.changes", TestApi::marker, tenant, collection(),
                () -> TestHttp.assertEachRefused(all, path(), validBody(), cases));
        assertEquals(List.of(), events);
        get(reader, path() + "?include_deleted=true").statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void deleteAnswersTheTaskAsItWasThenItIsGoneFromGetDeleteAndFind() {
        String id = create();
        JsonNode before = TestApi.json(get(reader, path() + "/" + id).statusCode(200).extract().asString()).get("data");
        JsonNode deleted = TestApi.json(delete(all, path() + "/" + id).statusCode(200).extract().asString()).get("data");
        assertEquals(before.get("task_type"), deleted.get("task_type"));
        assertEquals(before.get("user_id"), deleted.get("user_id"));
        assertEquals(before.get("dismissed"), deleted.get("dismissed"));
        assertEquals(before.get("created_at"), deleted.get("created_at"));
        assertTrue(deleted.get("updated_at").asText().compareTo(before.get("updated_at").asText()) > 0,
                "the deletion is a change: " + deleted);
        assertTrue(!deleted.has("deleted"), deleted.toString());

        get(reader, path() + "/" + id).statusCode(404).body("errors[0].code", equalTo("not_found"));
        delete(all, path() + "/" + id).statusCode(404).body("errors[0].code", equalTo("not_found"));
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
        get(reader, path() + "?include_deleted=false").statusCode(200).body("data.size()", equalTo(0));
        given().auth().oauth2(reader).contentType("application/json").body("{}").post(path() + "/find").then()
                .statusCode(200).body("data.size()", equalTo(0));

        get(reader, path() + "?include_deleted=true").statusCode(200)
                .body("data.id", contains(id))
                .body("data[0].deleted", equalTo(true))
                .body("data[0].updated_at", equalTo(deleted.get("updated_at").asText()))
                .body("data[0].task_type", equalTo("follow_up_call"));
        given().auth().oauth2(reader).contentType("application/json").body("{\"include_deleted\": true}")
                .post(path() + "/find").then().statusCode(200).body("data.id", contains(id))
                .body("data[0].deleted", equalTo(true));
    }

    @Test
    void includeDeletedShowsEveryTaskWithItsFlagAcrossPagesAndKeepsItInTheNextLinks() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create());
        }
        delete(all, path() + "/" + ids.get(1)).statusCode(200);
        delete(all, path() + "/" + ids.get(3)).statusCode(200);
        // Deleting moved them to the end of the (updated_at, id) order.
        List<String> expected = List.of(ids.get(0), ids.get(2), ids.get(4), ids.get(1), ids.get(3));
        var walk = FindPages.walk(reader, path() + "?include_deleted=true&page[size]=2", 2);
        assertEquals(expected, walk.ids());
        assertEquals(3, walk.pages());
        JsonPath first = get(reader, path() + "?include_deleted=true&page[size]=2").extract().jsonPath();
        assertTrue(first.getString("links.next.href").contains("include_deleted=true"), first.getString("links.next.href"));
        JsonPath all = get(reader, path() + "?include_deleted=true&page[size]=10").extract().jsonPath();
        assertEquals(List.of(false, false, false, true, true), all.getList("data.deleted"));
        assertEquals(List.of(ids.get(0), ids.get(2), ids.get(4)), FindPages.walk(reader, path() + "?page[size]=2", 2).ids());
    }

    @Test
    void aFollowerPullingThePingsHrefLearnsOfTheDeletion() {
        String id = create();
        String[] deletedAt = new String[1];
        List<JsonNode> events = TestChangeEvents.publishedBy("assessments-service.changes", TestApi::marker, tenant,
                collection(), () -> deletedAt[0] = delete(all, path() + "/" + id).statusCode(200).extract()
                        .path("data.updated_at"));
        assertEquals(1, events.size(), events.toString());
        JsonNode data = events.get(0).get("data");
        assertEquals("deleted", data.get("operation").asText());
        assertEquals("patient_tasks.deleted", events.get(0).get("type").asText());
        assertEquals(deletedAt[0], data.get("updated_at").asText());
        // The href notifier-service sends for this change (API.md §7: collections with deletes carry include_deleted).
        String t = URLEncoder.encode(deletedAt[0], StandardCharsets.UTF_8);
        String href = path() + "?page[from]=" + t + "&page[to]=" + t + "&include_deleted=true";
        given().auth().oauth2(reader).urlEncodingEnabled(false).get(href).then().statusCode(200)
                .body("data.id", contains(id)).body("data[0].deleted", equalTo(true));
    }

    @Test
    void theExportSaysWhetherARowIsDeletedAndHoldsDeletedRowsOnlyWhenAsked() {
        String kept = create();
        String gone = create();
        delete(all, path() + "/" + gone).statusCode(200);
        String[] plain = get(reader, "/v1/exports/" + collection()).statusCode(200).extract().asString().split("\r\n");
        assertEquals(2, plain.length);
        assertTrue(plain[1].startsWith(kept + ",") && plain[1].endsWith(",false"), plain[1]);
        String[] withDeleted = get(reader, "/v1/exports/" + collection() + "?include_deleted=true").statusCode(200)
                .extract().asString().split("\r\n");
        assertEquals(3, withDeleted.length);
        assertTrue(withDeleted[1].startsWith(kept + ",") && withDeleted[1].endsWith(",false"), withDeleted[1]);
        assertTrue(withDeleted[2].startsWith(gone + ",") && withDeleted[2].endsWith(",true"), withDeleted[2]);
    }
}
