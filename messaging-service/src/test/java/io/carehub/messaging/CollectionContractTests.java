package io.carehub.messaging;

import static io.carehub.messaging.TestApi.GUID;
import static io.carehub.messaging.TestApi.TIMESTAMP;
import static io.carehub.messaging.TestApi.get;
import static io.carehub.messaging.TestApi.post;
import static io.carehub.messaging.TestApi.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What every collection of this service does the same way (API.md §2, §3, §5, §6): the answer to Create and
 * Get, no Update, the bodies that are refused before anything is read, paging, scopes, tenants, the export and
 * the change events. Each collection's test class extends it and adds its own rules.
 */
public abstract class CollectionContractTests {

    @Inject
    protected Pool pool;

    protected final String tenant = TestApi.newTenant(collection());
    protected final String all = TestTokens.token(tenant, "all");
    protected final String reader = TestTokens.token(tenant, collection() + ".read");

    /** e.g. {@code messages}. */
    protected abstract String collection();

    /** Every field of the collection on the wire, {@code id} and timestamps included. */
    protected abstract List<String> fields();

    /** The header of the export, in its stable order. */
    protected abstract String exportHeader();

    /** A valid Create body in {@link #tenant} (creating what it refers to, as needed). */
    protected abstract String validBody();

    protected String path() {
        return "/v1/" + collection();
    }

    protected String create() {
        return post(all, path(), validBody()).statusCode(200).extract().path("data.id");
    }

    @Test
    void createAnswers200WithLocationAndEveryDocumentedFieldAndGetAnswersTheSame() {
        var created = post(all, path(), validBody()).statusCode(200)
                .header("Location", matchesPattern("^http://.*" + path() + "/[0-9a-f-]{36}$"))
                .body("keySet()", contains("data"))
                .body("data.keySet()", containsInAnyOrder(fields().toArray()))
                .body("data.id", matchesPattern(GUID))
                .body("data.created_at", matchesPattern(TIMESTAMP))
                .body("data.updated_at", matchesPattern(TIMESTAMP))
                .extract();
        String id = created.path("data.id");
        assertTrue(created.header("Location").endsWith(path() + "/" + id));
        assertEquals(created.<String>path("data.created_at"), created.<String>path("data.updated_at"));
        JsonNode createdData = TestEvents.json(created.asString()).get("data");
        JsonNode got = TestEvents.json(get(reader, path() + "/" + id).statusCode(200).extract().asString()).get("data");
        assertEquals(createdData, got);
    }

    @Test
    void unknownAndMalformedIdsAre404() {
        get(reader, path() + "/" + UUID.randomUUID()).statusCode(404)
                .body("errors[0].code", equalTo("not_found")).body("errors[0].status", equalTo(404));
        get(reader, path() + "/not-a-guid").statusCode(404).body("errors[0].code", equalTo("not_found"));
    }

    @Test
    void thereIsNoUpdateAndAPutChangesNothing() {
        String id = create();
        String before = get(reader, path() + "/" + id).extract().asString();
        put(all, path() + "/" + id, "{}").statusCode(405).body("errors[0].code", equalTo("method_not_allowed"));
        assertEquals(before, get(reader, path() + "/" + id).extract().asString());
    }

    @Test
    void bodiesThatAreNotJsonObjectsAreParseExceptionsAndStoreNothing() {
        for (String bad : List.of("{\"a\": ", "[" + validBody() + "]", "", "42", "null", "{\"a\": 1, \"a\": 2}")) {
            var errors = post(all, path(), bad).statusCode(400).extract().jsonPath();
            assertEquals("parse_exception", errors.getString("errors[0].code"), bad);
        }
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void aBodyThatIsNotJsonIs415AndAnOversizedBodyIs413() {
        given().auth().oauth2(all).contentType(ContentType.XML).body("<x/>").post(path()).then()
                .statusCode(415).body("errors[0].code", equalTo("unsupported_media_type"));
        given().auth().oauth2(all).contentType(ContentType.TEXT).body(validBody()).post(path()).then()
                .statusCode(415).body("errors[0].code", equalTo("unsupported_media_type"));
        String body = validBody();
        String big = body.substring(0, body.length() - 1) + ", \"padding\": \"" + "x".repeat(1024 * 1024) + "\"}";
        post(all, path(), big).statusCode(413).body("errors[0].code", equalTo("payload_too_large"));
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void findFollowsNextLinksAcrossPagesAndYieldsEachRecordOnceInUpdatedAtOrder() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create());
        }
        List<String> seen = new ArrayList<>();
        String next = path() + "?page[size]=2";
        int pages = 0;
        while (next != null) {
            JsonPath page = given().auth().oauth2(reader).urlEncodingEnabled(false).get(next).then().statusCode(200)
                    .extract().jsonPath();
            seen.addAll(page.getList("data.id"));
            pages++;
            String href = page.getString("links.next.href");
            next = href == null ? null : URI.create(href).getRawPath() + "?" + URI.create(href).getRawQuery();
        }
        assertEquals(3, pages);
        assertEquals(created, seen);
        assertEquals(5, new HashSet<>(seen).size());
        given().auth().oauth2(reader).contentType(ContentType.JSON).body(Map.of("page[size]", 5))
                .post(path() + "/find").then().statusCode(200).body("data.id", contains(created.toArray()));
        given().auth().oauth2(reader).contentType(ContentType.URLENC).formParam("page[size]", "2")
                .post(path() + "/find").then().statusCode(200).body("data.id", contains(created.get(0), created.get(1)));
    }

    @Test
    void badFindParametersAre400NamingTheParameter() {
        for (var bad : List.of(Map.of("page[size]", "0"), Map.of("page[size]", "1001"), Map.of("page[from]", "yesterday"),
                Map.of("page[after]", "bm90LWEtY3Vyc29y"), Map.of("user_id", "x"), Map.of("colour", "blue"))) {
            String name = bad.keySet().iterator().next();
            given().auth().oauth2(reader).queryParams(bad).get(path()).then().statusCode(400)
                    .body("errors[0].code", equalTo("bad_request"))
                    .body("errors[0].extra.path", equalTo(name));
        }
    }

    @Test
    void aTokenWithOnlyTheWriteScopeGetsOnlyTheIdBack() {
        String writer = TestTokens.token(tenant, collection() + ".write");
        String id = post(writer, path(), validBody()).statusCode(200)
                .body("data.keySet()", contains("id"))
                .body("data.id", matchesPattern(GUID))
                .extract().path("data.id");
        get(writer, path() + "/" + id).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        get(reader, path() + "/" + id).statusCode(200).body("data.id", equalTo(id));
    }

    @Test
    void aTokenWithoutTheScopeIsForbidden() {
        String id = create();
        String other = TestTokens.token(tenant, "patients.read patients.write");
        get(other, path() + "/" + id).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        get(other, path()).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        get(other, "/v1/exports/" + collection()).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        post(other, path(), validBody()).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        post(reader, path(), validBody()).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        given().get(path()).then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"))
                .body("errors[0].code", equalTo("unauthorized"));
    }

    @Test
    void anotherTenantCanNeitherGetNorFindNorExportIt() {
        String id = create();
        String stranger = TestTokens.token(TestApi.newTenant("stranger"), "all");
        get(stranger, path() + "/" + id).statusCode(404).body("errors[0].code", equalTo("not_found"));
        get(stranger, path() + "?page[size]=1000").statusCode(200).body("data.id", not(hasItem(id)))
                .body("data.size()", equalTo(0));
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("page[size]", 1000))
                .post(path() + "/find").then().statusCode(200).body("data.size()", equalTo(0));
        String csv = get(stranger, "/v1/exports/" + collection()).statusCode(200).extract().asString();
        assertFalse(csv.contains(id));
        assertEquals(List.of(exportHeader()), List.of(csv.split("\r\n")), "the header only");
        get(reader, path() + "/" + id).statusCode(200).body("data.id", equalTo(id));
    }

    @Test
    void exportStreamsEveryRecordOfTheTenantAsCsvWithAStableHeader() {
        String first = create();
        String second = create();
        String csv = get(reader, "/v1/exports/" + collection()).statusCode(200)
                .header("Content-Type", equalToIgnoringCase("text/csv;charset=UTF-8"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(exportHeader(), lines[0]);
        assertEquals(new HashSet<>(fields()), new HashSet<>(List.of(lines[0].split(","))), "one column per field");
        assertEquals(3, lines.length, csv);
        assertTrue(lines[1].startsWith(first + ","), lines[1]);
        assertTrue(lines[2].startsWith(second + ","), lines[2]);
        String updatedAt = get(reader, path() + "/" + second).extract().path("data.updated_at");
        assertTrue(lines[2].endsWith("," + updatedAt), lines[2]);
    }

    @Test
    void exportGoesOnPastItsFirstBatchToTheLastRecord() {
        String id = create();
        int copies = 1_200;
        // Copies of the record made by SQL (the export reads batches of 500); each a later updated_at, all in the
        // past: Find and exports never look past the present (nor past a write in flight).
        pool.preparedQuery("UPDATE %s SET updated_at = updated_at - interval '1 hour' WHERE id = $1".formatted(collection()))
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(Duration.ofSeconds(10));
        pool.preparedQuery(("INSERT INTO %1$s SELECT (jsonb_populate_record(null::%1$s, to_jsonb(x)"
                + " || jsonb_build_object('id', gen_random_uuid(), 'updated_at', x.updated_at + i * interval '1 millisecond')"
                + ")).* FROM %1$s x, generate_series(1, $2) AS i WHERE x.id = $1").formatted(collection()))
                .execute(Tuple.of(UUID.fromString(id), copies)).await().atMost(Duration.ofSeconds(60));
        String[] lines = get(reader, "/v1/exports/" + collection()).statusCode(200).extract().asString().split("\r\n");
        assertEquals(1 + 1 + copies, lines.length);
        assertTrue(lines[1].startsWith(id + ","), lines[1]);
        assertEquals(1 + copies, java.util.Arrays.stream(lines).skip(1).map(l -> l.substring(0, 36)).distinct().count());
    }

    @Test
    void aCreatePublishesOneCloudEventWithIdsOnly() {
        String[] id = new String[1];
        String body = validBody();
        List<JsonNode> events = TestEvents.publishedBy(tenant,
                () -> id[0] = post(all, path(), body).statusCode(200).extract().path("data.id"), collection());
        assertEquals(1, events.size(), events.toString());
        JsonNode event = events.get(0);
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("/messaging-service", event.get("source").asText());
        assertEquals(collection() + ".created", event.get("type").asText());
        assertEquals(id[0], event.get("subject").asText());
        assertEquals("application/json", event.get("datacontenttype").asText());
        assertTrue(event.get("id").asText().matches(GUID));
        assertTrue(event.get("time").asText().matches(TIMESTAMP));
        JsonNode data = event.get("data");
        assertEquals(tenant, data.get("tenant").asText());
        assertEquals(collection(), data.get("resource").asText());
        assertEquals(id[0], data.get("id").asText());
        assertEquals("created", data.get("operation").asText());
        assertEquals(get(reader, path() + "/" + id[0]).extract().<String>path("data.updated_at"), data.get("updated_at").asText());
        assertEquals(5, data.size(), "no patient data beyond ids: " + data);
    }
}
