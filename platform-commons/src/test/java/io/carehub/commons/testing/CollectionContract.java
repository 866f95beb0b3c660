package io.carehub.commons.testing;

import static io.carehub.commons.testing.TestHttp.GUID;
import static io.carehub.commons.testing.TestHttp.TIMESTAMP;
import static io.carehub.commons.testing.TestHttp.delete;
import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What every collection of every service does the same way (API.md §2, §3, §5, §6): the answer to Create and Get,
 * Update (or none), Delete (or none), the bodies refused before anything is read, paging, scopes, tenants, the
 * export and the change events. A collection's test class extends it, says what the collection is, and adds its
 * own rules.
 */
public abstract class CollectionContract {

    /**
     * Whether the module's tests have the JSON Schema validator that {@link ChangeEventContract} needs (looked up by
     * name: ChangeEventContract itself cannot even be loaded without it).
     */

    @Inject
    protected Pool pool;

    protected final String tenant = TestHttp.newTenant(collection());
    /** Reads and writes everything of the tenant, admin writes included. */
    protected final String all = TestTokens.token(tenant, "all admin");
    protected final String reader = TestTokens.token(tenant, collection() + ".read");

    /** e.g. {@code messages}. */
    protected abstract String collection();

    /** The service that owns it, e.g. {@code messaging-service}: its events' source and topic. */
    protected abstract String service();

    /** Every field of the collection on the wire, {@code id} and timestamps included. */
    protected abstract List<String> fields();

    /** The header of the export, in its stable order. */
    protected abstract String exportHeader();

    /** A valid Create body in {@link #tenant} (creating what it refers to, as needed). */
    protected abstract String validBody();

    /**
     * Writes something of this service in a tenant of its own and returns its id, the key of the change event
     * it publishes: what brackets the events an action published ({@link TestChangeEvents#publishedBy}).
     */
    protected abstract String marker();

    /** Whether the collection has Update ({@code PUT /v1/<c>/:id}); else a PUT is {@code 405}. */
    protected boolean hasUpdate() {
        return false;
    }

    /**
     * Whether the collection publishes {@code updated} events: where it has Update, or where only its core face changes
     * it (assessments: Create-only on v1, PATCH on the core face).
     */
    protected boolean publishesUpdates() {
        return hasUpdate();
    }

    /** Whether the collection has Delete. */
    protected boolean hasDelete() {
        return false;
    }

    /**
     * Whether the collection holds tenant-wide records (API-CORE.md §C1: configuration every environment of the tenant
     * shares): then every environment sees the same records, and their events name no environment.
     */
    protected boolean tenantWide() {
        return false;
    }

    /** The fields Update refuses beyond id and timestamps ({@code user_id} where there is one). */
    protected List<String> createOnlyFields() {
        return List.of("user_id");
    }

    /** The scope that writes the collection: {@code <c>.write}, or {@code admin} for admin writes. */
    protected String writeScope() {
        return collection() + ".write";
    }

    /** What a SQL copy of a record must change beyond id and updated_at (a jsonb object of columns), e.g. to stay unique. */
    protected String copyChanges() {
        return "'{}'::jsonb";
    }

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
        JsonNode createdData = TestChangeEvents.json(created.asString()).get("data");
        String got = get(reader, path() + "/" + id).statusCode(200).extract().asString();
        assertEquals(createdData, TestChangeEvents.json(got).get("data"));
        assertEquals(TestChangeEvents.json(created.asString()).toString(), TestChangeEvents.json(got).toString(),
                "Get answers what Create did, field for field in the same order");
    }

    @Test
    void unknownAndMalformedIdsAre404() {
        get(reader, path() + "/" + UUID.randomUUID()).statusCode(404)
                .body("errors[0].code", equalTo("not_found")).body("errors[0].status", equalTo(404));
        get(reader, path() + "/not-a-guid").statusCode(404).body("errors[0].code", equalTo("not_found"));
        if (hasUpdate()) {
            put(all, path() + "/" + UUID.randomUUID(), "{}").statusCode(404).body("errors[0].code", equalTo("not_found"));
        }
        if (hasDelete()) {
            delete(all, path() + "/" + UUID.randomUUID()).statusCode(404).body("errors[0].code", equalTo("not_found"));
            delete(all, path() + "/not-a-guid").statusCode(404).body("errors[0].code", equalTo("not_found"));
        }
    }

    @Test
    void updateRefusesIdsTimestampsAndCreateOnlyFieldsAndChangesNothing() {
        String id = create();
        String before = get(reader, path() + "/" + id).extract().asString();
        if (!hasUpdate()) {
            put(all, path() + "/" + id, "{}").statusCode(405).body("errors[0].code", equalTo("method_not_allowed"));
            assertEquals(before, get(reader, path() + "/" + id).extract().asString());
            return;
        }
        List<String> refused = new ArrayList<>(List.of("id", "created_at", "updated_at"));
        refused.addAll(createOnlyFields());
        StringBuilder body = new StringBuilder("{");
        for (String field : refused) {
            body.append(body.length() > 1 ? ", " : "").append('"').append(field).append("\": \"")
                    .append(field.endsWith("_at") ? "2020-01-01T00:00:00Z" : UUID.randomUUID().toString()).append('"');
        }
        put(all, path() + "/" + id, body.append('}').toString()).statusCode(400)
                .body("errors.size()", equalTo(refused.size()))
                .body("errors.code", everyItem(equalTo("bad_request")))
                .body("errors.extra.path", containsInAnyOrder(refused.stream().map(f -> "." + f).toArray()));
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
                Map.of("page[after]", "bm90LWEtY3Vyc29y"), Map.of("user_id", "x"), Map.of("colour", "blue"),
                Map.of("include_deleted", hasDelete() ? "maybe" : "true"))) {
            String name = bad.keySet().iterator().next();
            given().auth().oauth2(reader).queryParams(bad).get(path()).then().statusCode(400)
                    .body("errors[0].code", equalTo("bad_request"))
                    .body("errors[0].extra.path", equalTo(name));
        }
    }

    @Test
    void aTokenWithOnlyTheWriteScopeGetsOnlyTheIdBack() {
        String writer = TestTokens.token(tenant, writeScope());
        String id = post(writer, path(), validBody()).statusCode(200)
                .body("data.keySet()", contains("id"))
                .body("data.id", matchesPattern(GUID))
                .extract().path("data.id");
        if (hasUpdate()) {
            put(writer, path() + "/" + id, "{}").statusCode(200).body("data.keySet()", contains("id"))
                    .body("data.id", equalTo(id));
        }
        get(writer, path() + "/" + id).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        get(reader, path() + "/" + id).statusCode(200).body("data.id", equalTo(id));
        if (hasDelete()) {
            delete(writer, path() + "/" + id).statusCode(200).body("data.keySet()", contains("id"))
                    .body("data.id", equalTo(id));
        }
    }

    @Test
    void aTokenWithoutTheScopeIsForbidden() {
        String id = create();
        String other = TestTokens.token(tenant, collection().equals("patients") ? "workers.read workers.write"
                : "patients.read patients.write");
        get(other, path() + "/" + id).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        get(other, path()).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        get(other, "/v1/exports/" + collection()).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        post(other, path(), validBody()).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        post(reader, path(), validBody()).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        if (hasUpdate()) {
            put(reader, path() + "/" + id, "{}").statusCode(403).body("errors[0].code", equalTo("forbidden"));
        }
        if (hasDelete()) {
            delete(reader, path() + "/" + id).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        }
        given().get(path()).then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"))
                .body("errors[0].code", equalTo("unauthorized"));
        get(reader, path() + "/" + id).statusCode(200).body("data.id", equalTo(id));
    }

    @Test
    void anotherTenantCanNeitherSeeNorChangeIt() {
        String id = create();
        String before = get(reader, path() + "/" + id).extract().asString();
        String stranger = TestTokens.token(TestHttp.newTenant("stranger"), "all admin");
        get(stranger, path() + "/" + id).statusCode(404).body("errors[0].code", equalTo("not_found"));
        if (hasUpdate()) {
            put(stranger, path() + "/" + id, "{}").statusCode(404).body("errors[0].code", equalTo("not_found"));
        }
        if (hasDelete()) {
            delete(stranger, path() + "/" + id).statusCode(404).body("errors[0].code", equalTo("not_found"));
        }
        get(stranger, path() + "?page[size]=1000").statusCode(200).body("data.id", not(hasItem(id)))
                .body("data.size()", equalTo(0));
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("page[size]", 1000))
                .post(path() + "/find").then().statusCode(200).body("data.size()", equalTo(0));
        String csv = get(stranger, "/v1/exports/" + collection()).statusCode(200).extract().asString();
        assertFalse(csv.contains(id));
        assertEquals(List.of(exportHeader()), List.of(csv.split("\r\n")), "the header only");
        assertEquals(before, get(reader, path() + "/" + id).extract().asString());
    }

    /**
     * API-CORE.md §C1: a tenant's environments keep separate data. What live wrote, sandbox neither sees nor changes
     * (Get, Update, Delete, Find by GET and by POST, the export); and the same row in sandbox is gone from live and
     * there in sandbox.
     */
    @Test
    void anotherEnvironmentOfTheTenantNeitherSeesNorChangesItAndTheReverse() {
        String id = create();
        String before = get(reader, path() + "/" + id).extract().asString();
        String sandbox = TestTokens.inEnvironment(tenant, "sandbox", "all admin");
        if (tenantWide()) {
            assertEquals(before, get(sandbox, path() + "/" + id).statusCode(200).extract().asString(),
                    "a tenant-wide record is the same in every environment");
            get(sandbox, path() + "?page[size]=1000").statusCode(200).body("data.id", hasItem(id));
            assertTrue(get(sandbox, "/v1/exports/" + collection()).statusCode(200).extract().asString().contains(id));
            return;
        }
        assertInvisibleTo(sandbox, id);
        assertEquals(before, get(reader, path() + "/" + id).extract().asString(), "unchanged");

        moveToEnvironment(id, "sandbox");
        assertInvisibleTo(TestTokens.inEnvironment(tenant, "live", "all admin"), id);
        assertInvisibleTo(all, id);
        get(sandbox, path() + "/" + id).statusCode(200).body("data.id", equalTo(id));
        get(sandbox, path() + "?page[size]=1000").statusCode(200).body("data.id", hasItem(id));
        assertTrue(get(sandbox, "/v1/exports/" + collection()).statusCode(200).extract().asString().contains(id));
    }

    private void assertInvisibleTo(String token, String id) {
        get(token, path() + "/" + id).statusCode(404).body("errors[0].code", equalTo("not_found"));
        if (hasUpdate()) {
            put(token, path() + "/" + id, "{}").statusCode(404).body("errors[0].code", equalTo("not_found"));
        }
        if (hasDelete()) {
            delete(token, path() + "/" + id).statusCode(404).body("errors[0].code", equalTo("not_found"));
        }
        get(token, path() + "?page[size]=1000").statusCode(200).body("data.id", not(hasItem(id)));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("page[size]", 1000))
                .post(path() + "/find").then().statusCode(200).body("data.id", not(hasItem(id)));
        String csv = get(token, "/v1/exports/" + collection()).statusCode(200).extract().asString();
        assertFalse(csv.contains(id), csv);
    }

    /**
     * The row {@code id} as if written in {@code environment}. The rows it refers to stay where they are (foreign keys
     * are switched off for this one statement, as for a replica): what is tested is what a token of each environment
     * reads, not how rows refer to each other.
     */
    private void moveToEnvironment(String id, String environment) {
        pool.withTransaction(c -> c.query("SET LOCAL session_replication_role = replica").execute()
                .chain(() -> c.preparedQuery("UPDATE %s SET environment = $2 WHERE id = $1".formatted(collection()))
                        .execute(Tuple.of(UUID.fromString(id), environment))))
                .await().atMost(Duration.ofSeconds(10));
    }

    /**
     * API-CORE.md §C9 on this collection: a client's roles govern it on top of its scopes. A role that reads all but
     * one field and sees one masked: Get, Find and export show exactly that; a role of another collection, and one the
     * tenant does not have, read nothing; a role that may write but not one field: a Create or Update naming that field
     * is {@code 403} at its path and stores and publishes nothing; each operation allowed only where a role allows it.
     */
    @Test
    void rolesGovernEachOperationAndFieldOnTopOfTheScopes() throws Exception {
        if (!io.carehub.commons.security.ApiCollections.DATA.contains(collection())) {
            return;
        }
        withCoreFace(RoleMatrix.of(tenant, collection(), service(), fields(), exportHeader(), this::create)
                .writes(this::validBody, createOnlyFields(), hasUpdate(), hasDelete(), this::marker)).check();
    }

    /** The role matrix with the collection's core face ({@link RoleMatrix#coreFace}), where it has one. */
    protected RoleMatrix withCoreFace(RoleMatrix matrix) {
        return matrix;
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
        List<String> columns = List.of(lines[0].split(","));
        assertTrue(columns.containsAll(fields()), "a column per field: " + columns);
        assertEquals(3, lines.length, csv);
        assertTrue(lines[1].startsWith(first + ","), lines[1]);
        assertTrue(lines[2].startsWith(second + ","), lines[2]);
        String updatedAt = get(reader, path() + "/" + second).extract().path("data.updated_at");
        assertTrue(lines[2].contains("," + updatedAt), lines[2]);
    }

    @Test
    void exportGoesOnPastItsFirstBatchToTheLastRecord() {
        String id = create();
        int copies = 1_200;
        // Copies of the record made by SQL (the export reads batches of 500); each a later updated_at, all in the
        // past: Find and exports never look past the present (nor past a write in flight).
        pool.preparedQuery("UPDATE %s SET updated_at = updated_at - interval '1 hour' WHERE id = $1".formatted(collection()))
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(Duration.ofSeconds(10));
        // Every column but the generated ones, which the database makes itself.
        String columns = pool.preparedQuery("SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position)"
                + " AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1"
                + " AND is_generated = 'NEVER'").execute(Tuple.of(collection())).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString("c");
        pool.preparedQuery(("INSERT INTO %1$s (%3$s) SELECT %3$s FROM (SELECT (jsonb_populate_record(null::%1$s, to_jsonb(x)"
                + " || jsonb_build_object('id', gen_random_uuid(), 'updated_at', x.updated_at + i * interval '1 millisecond')"
                + " || %2$s)).* FROM %1$s x, generate_series(1, $2) AS i WHERE x.id = $1) copy")
                .formatted(collection(), copyChanges(), columns))
                .execute(Tuple.of(UUID.fromString(id), copies)).await().atMost(Duration.ofSeconds(60));
        String[] lines = get(reader, "/v1/exports/" + collection()).statusCode(200).extract().asString().split("\r\n");
        assertEquals(1 + 1 + copies, lines.length);
        assertTrue(lines[1].startsWith(id + ","), lines[1]);
        assertEquals(1 + copies, java.util.Arrays.stream(lines).skip(1).map(l -> l.substring(0, 36)).distinct().count());
    }

    /**
     * The document Kafka consumers read ({@code docs/asyncapi.yaml}) has this collection's events on the service's topic:
     * {@code created}, {@code updated} where the collection has Update, {@code deleted} where it has Delete, and no other.
     * {@link #eachWritePublishesOneCloudEventWithIdsOnly} validates every event a write published against it.
     */
    @Test
    void theAsyncApiDocumentDescribesTheChangeEvents() {
        UUID id = UUID.randomUUID();
        for (String operation : List.of("created", "updated", "deleted")) {
            String event = TestChangeEvents.changeEvent(service(), tenant, collection(), id, operation).toString();
            List<String> violations = ChangeEventContract.load().violations(service() + ".changes", id.toString(), event);
            boolean published = operation.equals("created") || operation.equals("updated") && publishesUpdates()
                    || operation.equals("deleted") && hasDelete();
            assertEquals(published, violations.isEmpty(), collection() + "." + operation + ": " + violations);
        }
    }

    @Test
    void eachWritePublishesOneCloudEventWithIdsOnly() {
        String[] id = new String[1];
        String body = validBody();
        var records = TestChangeEvents.recordsPublishedBy(service() + ".changes", this::marker, tenant, collection(), () -> {
            id[0] = post(all, path(), body).statusCode(200).extract().path("data.id");
            if (hasUpdate()) {
                put(all, path() + "/" + id[0], "{}").statusCode(200);
            }
            if (hasDelete()) {
                delete(all, path() + "/" + id[0]).statusCode(200);
            }
        });
        records.forEach(r -> ChangeEventContract.validate(r.topic(), r.key(), r.value()));
        List<JsonNode> events = records.stream().map(r -> TestChangeEvents.json(r.value())).toList();
        List<String> operations = new ArrayList<>(List.of("created"));
        if (hasUpdate()) {
            operations.add("updated");
        }
        if (hasDelete()) {
            operations.add("deleted");
        }
        assertEquals(operations.size(), events.size(), events.toString());
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertEquals("1.0", event.get("specversion").asText());
            assertEquals("/" + service(), event.get("source").asText());
            assertEquals(collection() + "." + operations.get(i), event.get("type").asText());
            assertEquals(id[0], event.get("subject").asText());
            assertEquals("application/json", event.get("datacontenttype").asText());
            assertTrue(event.get("id").asText().matches(GUID));
            assertTrue(event.get("time").asText().matches(TIMESTAMP));
            JsonNode data = event.get("data");
            assertEquals(tenant, data.get("tenant").asText());
            if (tenantWide()) {
                assertNull(data.get("environment"), "a tenant-wide record is of no one environment");
            } else {
                assertEquals("live", data.get("environment").asText(), "a token without environment works in live");
            }
            assertEquals(collection(), data.get("resource").asText());
            assertEquals(id[0], data.get("id").asText());
            assertEquals(operations.get(i), data.get("operation").asText());
            assertTrue(data.get("updated_at").asText().matches(TIMESTAMP));
            assertEquals(tenantWide() ? 5 : 6, data.size(), "no patient data beyond ids: " + data);
        }
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).get("data").get("updated_at").asText()
                    .compareTo(events.get(i - 1).get("data").get("updated_at").asText()) > 0, "updated_at moves forward");
        }
        String last = events.get(events.size() - 1).get("data").get("updated_at").asText();
        String find = path() + "?page[size]=1000" + (hasDelete() ? "&include_deleted=true" : "");
        JsonPath page = get(reader, find).statusCode(200).extract().jsonPath();
        assertEquals(List.of(last), page.getList("data.findAll { it.id == '" + id[0] + "' }.updated_at"),
                "Find shows the last write's updated_at");
    }
}
