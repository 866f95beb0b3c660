package io.carehub.commons.testing;

import static io.carehub.commons.testing.TestHttp.delete;
import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.path.json.JsonPath;

/**
 * API-CORE.md §C9 for one collection, the same way for each: for every operation a role that allows it and one that does
 * not; a readable, a masked ({@code created_at}) and a hidden ({@code updated_at}) field, checked in Get, Find, the
 * export and, where the collection has one, the core face (where a rule's v1 names govern the camelCase ones); a role of
 * another collection and a role the tenant does not have granting nothing; a field the roles may not write refused in a
 * Create and in an Update at its path, with nothing stored or published.
 *
 * <p>Each use names the collection, its fields and how to make one; then, where the v1 face writes it, {@link #writes},
 * and where it has a core face, {@link #coreFace}. {@link CollectionContract} runs it for every collection it covers;
 * the collections outside it (patients, enrollments, calendars) run it from their own tests.
 */
public final class RoleMatrix {

    private static final String SCOPES = "all admin";
    private static final String HIDDEN = "updated_at";
    private static final String MASKED = "created_at";
    private static final String HIDDEN_CORE = "updatedAt";
    private static final String MASKED_CORE = "createdAt";

    private final String tenant;
    private final String collection;
    private final String service;
    private final List<String> fields;
    private final String exportHeader;
    private final Supplier<String> create;
    private final String all;
    private Supplier<String> validBody;
    private List<String> createOnly = List.of();
    private boolean update;
    private boolean delete;
    private Supplier<String> marker;
    private UnaryOperator<String> coreItem;
    private UnaryOperator<String> coreList;

    private RoleMatrix(String tenant, String collection, String service, List<String> fields, String exportHeader,
            Supplier<String> create) {
        this.tenant = tenant;
        this.collection = collection;
        this.service = service;
        this.fields = fields;
        this.exportHeader = exportHeader;
        this.create = create;
        this.all = TestTokens.token(tenant, SCOPES);
    }

    /**
     * @param tenant       a tenant whose roles this matrix alone defines (services keep a tenant's roles for a while)
     * @param fields       every field of the collection on the v1 face
     * @param exportHeader its export's header
     * @param create       makes one in {@code tenant} and answers its id
     */
    public static RoleMatrix of(String tenant, String collection, String service, List<String> fields, String exportHeader,
            Supplier<String> create) {
        return new RoleMatrix(tenant, collection, service, fields, exportHeader, create);
    }

    /**
     * The v1 face writes it: {@code validBody} a Create body in the tenant; {@code createOnly} the fields Update refuses;
     * whether it has Update and Delete; {@code marker} what brackets the service's events.
     */
    public RoleMatrix writes(Supplier<String> validBody, List<String> createOnly, boolean update, boolean delete,
            Supplier<String> marker) {
        this.validBody = validBody;
        this.createOnly = createOnly;
        this.update = update;
        this.delete = delete;
        this.marker = marker;
        return this;
    }

    /** It has a core face: the path of one of its resources by id, and of a list (page and size) that holds it. */
    public RoleMatrix coreFace(UnaryOperator<String> item, UnaryOperator<String> list) {
        this.coreItem = item;
        this.coreList = list;
        return this;
    }

    private String path() {
        return "/v1/" + collection;
    }

    public void check() throws Exception {
        String id = create.get();
        String c = collection;
        List<String> readable = fields.stream().filter(f -> !f.equals(HIDDEN) && !f.equals(MASKED)).toList();
        List<String> sent = new ArrayList<>();
        JsonNode body = validBody == null ? null : TestChangeEvents.json(validBody.get());
        if (body != null) {
            body.fieldNames().forEachRemaining(sent::add);
        }
        // A field Update may change where there is one, so that both writes are refused at it.
        String forbidden = sent.isEmpty() ? "none" : sent.stream().filter(f -> !createOnly.contains(f)).findFirst()
                .orElse(sent.get(0));
        List<String> writable = sent.stream().filter(f -> !f.equals(forbidden)).toList();
        TestOwners.roles(tenant, TestHttp.JSON.writeValueAsString(Map.of(
                "reader", List.of(Map.of("resource", c, "operations", Map.of("read", readable, "read_masked", List.of(MASKED)))),
                "writer", List.of(Map.of("resource", c, "operations", Map.of("read", List.of("*"), "create", List.of("*"),
                        "update", List.of("*"), "delete", true))),
                "careful_writer", List.of(Map.of("resource", c, "operations", Map.of("read", List.of("*"), "create", writable,
                        "update", writable))),
                "elsewhere", List.of(Map.of("resource", c.equals("patients") ? "workers" : "patients",
                        "operations", Map.of("read", List.of("*")))))));
        String reader = TestTokens.withRoles(tenant, SCOPES, "reader");

        // Read: the readable fields, the masked one masked, the hidden one absent, in Get, Find and export.
        List<String> shown = fields.stream().filter(f -> !f.equals(HIDDEN)).toList();
        get(reader, path() + "/" + id).statusCode(200)
                .body("data.keySet()", containsInAnyOrder(shown.toArray()))
                .body("data." + MASKED, equalTo("***"))
                .body("data.id", equalTo(id));
        JsonPath found = get(reader, path() + "?page[size]=1000").statusCode(200).extract().jsonPath();
        assertEquals(new HashSet<>(shown), found.getMap("data[0]").keySet());
        assertEquals("***", found.getString("data[0]." + MASKED));
        String[] lines = get(reader, "/v1/exports/" + c).statusCode(200).extract().asString().split("\r\n");
        List<String> header = List.of(exportHeader.split(","));
        // A column that is no field the roles name (an export's deleted flag) is not read either.
        List<String> shownHeader = header.stream().filter(shown::contains).toList();
        assertEquals(String.join(",", shownHeader), lines[0]);
        String row = java.util.Arrays.stream(lines).filter(l -> l.startsWith(id + ",")).findFirst().orElseThrow();
        assertTrue(row.contains(",***"), row);
        if (body != null) {
            post(reader, path(), validBody.get()).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        }

        // The core face: the same rules, in their camelCase names.
        if (coreItem != null) {
            Set<String> every = get(all, coreItem.apply(id)).statusCode(200).extract().jsonPath()
                    .<String, Object>getMap("$").keySet();
            assertTrue(every.contains(HIDDEN_CORE) && every.contains(MASKED_CORE), every.toString());
            Set<String> coreShown = new HashSet<>(every);
            coreShown.remove(HIDDEN_CORE);
            get(reader, coreItem.apply(id)).statusCode(200)
                    .body("keySet()", containsInAnyOrder(coreShown.toArray()))
                    .body(MASKED_CORE, equalTo("***"))
                    .body("id", equalTo(id));
            JsonPath listed = get(reader, coreList.apply(id) + (coreList.apply(id).contains("?") ? "&" : "?") + "size=1000")
                    .statusCode(200).extract().jsonPath();
            Map<String, Object> item = listed.getList("content", Map.class).stream().filter(m -> id.equals(m.get("id")))
                    .findFirst().orElse(null);
            assertNotNull(item, "the core list holds " + id);
            assertEquals(coreShown, item.keySet());
            assertEquals("***", item.get(MASKED_CORE));
        }

        // A role of another collection, and one the tenant does not have (deleted), read nothing.
        for (String nothing : List.of(TestTokens.withRoles(tenant, SCOPES, "elsewhere"), TestTokens.withRoles(tenant, SCOPES,
                "no_such_role"))) {
            get(nothing, path() + "/" + id).statusCode(403).body("errors[0].code", equalTo("forbidden"));
            get(nothing, path()).statusCode(403);
            get(nothing, "/v1/exports/" + c).statusCode(403);
            if (body != null) {
                post(nothing, path(), validBody.get()).statusCode(403);
            }
            if (coreItem != null) {
                get(nothing, coreItem.apply(id)).statusCode(403).body("errors[0].code", equalTo("forbidden"));
                get(nothing, coreList.apply(id)).statusCode(403).body("errors[0].code", equalTo("forbidden"));
            }
        }
        if (body == null) {
            return;
        }

        // Writes: allowed where a role allows them, a field it may not write refused at its path, nothing stored.
        String writer = TestTokens.withRoles(tenant, SCOPES, "writer", "elsewhere");
        String written = post(writer, path(), validBody.get()).statusCode(200).body("data.keySet()",
                containsInAnyOrder(fields.toArray())).extract().path("data.id");
        String careful = TestTokens.withRoles(tenant, SCOPES, "careful_writer");
        int before = get(all, path() + "?page[size]=1000").extract().jsonPath().getList("data").size();
        List<JsonNode> published = TestChangeEvents.publishedBy(service + ".changes", marker, tenant, c, () ->
                post(careful, path(), validBody.get()).statusCode(403)
                        .body("errors.size()", equalTo(1))
                        .body("errors[0].code", equalTo("forbidden"))
                        .body("errors[0].extra.path", equalTo("." + forbidden)));
        assertEquals(List.of(), published, "nothing published");
        assertEquals(before, get(all, path() + "?page[size]=1000").extract().jsonPath().getList("data").size(),
                "nothing stored");
        if (update) {
            put(reader, path() + "/" + written, "{}").statusCode(403).body("errors[0].code", equalTo("forbidden"));
            put(writer, path() + "/" + written, "{}").statusCode(200);
            String unchanged = get(all, path() + "/" + written).extract().asString();
            if (!createOnly.contains(forbidden)) {
                put(careful, path() + "/" + written, "{\"" + forbidden + "\": " + body.get(forbidden) + "}").statusCode(403)
                        .body("errors.size()", equalTo(1))
                        .body("errors[0].code", equalTo("forbidden"))
                        .body("errors[0].extra.path", equalTo("." + forbidden));
                assertEquals(unchanged, get(all, path() + "/" + written).extract().asString(), "unchanged");
            }
            put(careful, path() + "/" + written, "{}").statusCode(200);
        }
        if (delete) {
            delete(careful, path() + "/" + written).statusCode(403).body("errors[0].code", equalTo("forbidden"));
            delete(writer, path() + "/" + written).statusCode(200);
        }
    }
}
