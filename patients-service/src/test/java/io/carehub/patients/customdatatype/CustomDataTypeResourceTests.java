package io.carehub.patients.customdatatype;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.CollectionContract;
import io.carehub.commons.testing.RoleMatrix;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestHttp.BadInput;
import io.carehub.commons.testing.TestTokens;
import io.carehub.patients.TestEvents;
import io.quarkus.test.junit.QuarkusTest;

/** Custom data type definitions on the v1 face (API-CORE.md §C6): the collection's contract and its own rules. */
@QuarkusTest
class CustomDataTypeResourceTests extends CollectionContract {

    private static final AtomicInteger NAMES = new AtomicInteger();

    static final String FIELDS = """
            [{"name": "systolic", "type": "integer", "required": true, "min": 40, "max": 300},
             {"name": "diastolic", "type": "integer", "required": true},
             {"name": "position", "type": "select", "options": ["sitting", "standing"]}]""";

    @Override
    protected String collection() {
        return "custom_data_types";
    }

    @Override
    protected String service() {
        return "patients-service";
    }

    @Override
    protected String marker() {
        return TestEvents.marker();
    }

    @Override
    protected boolean hasUpdate() {
        return true;
    }

    @Override
    protected boolean tenantWide() {
        return true;
    }

    @Override
    protected String writeScope() {
        return "admin";
    }

    @Override
    protected List<String> createOnlyFields() {
        return List.of("name");
    }

    @Override
    protected String copyChanges() {
        return "jsonb_build_object('name', x.name || '_' || i)";
    }

    @Override
    protected List<String> fields() {
        return List.of("id", "name", "title", "cardinality", "fields", "version", "created_at", "updated_at");
    }

    @Override
    protected String exportHeader() {
        return "id,name,title,cardinality,fields,version,created_at,updated_at";
    }

    @Override
    protected RoleMatrix withCoreFace(RoleMatrix matrix) {
        return matrix.coreFace(id -> "/v1/" + tenant + "/custom_data_types/" + id,
                id -> "/v1/" + tenant + "/custom_data_types");
    }

    @Override
    protected String validBody() {
        return body("blood_pressure_" + NAMES.incrementAndGet(), FIELDS);
    }

    static String body(String name, String fields) {
        return "{\"name\": \"" + name + "\", \"title\": \"Blood pressure\", \"fields\": " + fields + "}";
    }

    @Test
    void createFillsInEveryMemberOfEachFieldAndStartsAtVersion1() {
        post(all, path(), body("vitals", FIELDS)).statusCode(200)
                .body("data.name", equalTo("vitals"))
                .body("data.cardinality", equalTo("multiple"))
                .body("data.version", equalTo(1))
                .body("data.fields.name", contains("systolic", "diastolic", "position"))
                .body("data.fields[0]", equalTo(field("systolic", "integer", true, null, 40, 300)))
                .body("data.fields[1]", equalTo(field("diastolic", "integer", true, null, null, null)))
                .body("data.fields[2]", equalTo(field("position", "select", false, List.of("sitting", "standing"), null,
                        null)));
    }

    private static Map<String, Object> field(String name, String type, boolean required, List<String> options,
            Integer min, Integer max) {
        var f = new java.util.LinkedHashMap<String, Object>();
        f.put("name", name);
        f.put("type", type);
        f.put("required", required);
        f.put("multiple", false);
        f.put("options", options);
        f.put("min", min);
        f.put("max", max);
        f.put("phi", false);
        return f;
    }

    @Test
    void changingTheFieldsMakesANewVersionAndTheTitleAloneDoesNot() {
        String id = post(all, path(), body("vitals", FIELDS)).statusCode(200).extract().path("data.id");
        put(all, path() + "/" + id, "{\"title\": \"Vitals\", \"cardinality\": \"single\"}").statusCode(200)
                .body("data.version", equalTo(1)).body("data.title", equalTo("Vitals"))
                .body("data.cardinality", equalTo("single"));
        put(all, path() + "/" + id, "{\"fields\": " + FIELDS + "}").statusCode(200).body("data.version", equalTo(1));
        put(all, path() + "/" + id, "{\"fields\": [{\"name\": \"pulse\", \"type\": \"integer\"}]}").statusCode(200)
                .body("data.version", equalTo(2)).body("data.fields.name", contains("pulse"));
        get(reader, path() + "/" + id).statusCode(200).body("data.version", equalTo(2))
                .body("data.title", equalTo("Vitals"));
        var versions = pool.preparedQuery("SELECT version, fields->0->>'name' AS first FROM custom_data_type_versions"
                + " WHERE type_id = $1 ORDER BY version").execute(io.vertx.mutiny.sqlclient.Tuple.of(java.util.UUID.fromString(id)))
                .await().atMost(java.time.Duration.ofSeconds(10));
        List<String> kept = new java.util.ArrayList<>();
        versions.forEach(r -> kept.add(r.getInteger("version") + ":" + r.getString("first")));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("1:systolic", "2:pulse"), kept, "every version's fields kept");
    }

    @Test
    void aNameIsUniqueInTheTenantAndFreeInAnother() {
        post(all, path(), body("vitals", FIELDS)).statusCode(200);
        post(all, path(), body("vitals", "[]")).statusCode(400)
                .body("errors[0].code", equalTo("uniqueness_exception"))
                .body("errors[0].extra.path", equalTo(".name"));
        String stranger = TestTokens.token(TestHttp.newTenant("stranger"), "all admin");
        post(stranger, path(), body("vitals", FIELDS)).statusCode(200).body("data.version", equalTo(1));
        get(reader, path() + "?name=vitals").statusCode(200).body("data.size()", equalTo(1))
                .body("data[0].title", equalTo("Blood pressure"));
    }

    @Test
    void eachRuleOfADefinitionAloneIsAnsweredWithItsPathAndNothingIsStored() {
        TestHttp.assertEachRefused(all, path(), body("vitals", FIELDS), List.of(
                new BadInput("name", "Vitals", "bad_request"),
                new BadInput("name", "blood-pressure", "bad_request"),
                new BadInput("name", "", "bad_request"),
                new BadInput("name", TestHttp.ABSENT, "bad_request"),
                new BadInput("cardinality", "many", "bad_request"),
                new BadInput("fields", TestHttp.ABSENT, "bad_request"),
                new BadInput("fields", "x", "parse_exception")));
        for (var bad : List.of(
                Map.entry("[{\"name\": \"a\", \"type\": \"colour\"}]", ".fields[0].type"),
                Map.entry("[{\"name\": \"1a\", \"type\": \"text\"}]", ".fields[0].name"),
                Map.entry("[{\"type\": \"text\"}]", ".fields[0].name"),
                Map.entry("[{\"name\": \"a\", \"type\": \"text\", \"colour\": \"red\"}]", ".fields[0].colour"),
                Map.entry("[{\"name\": \"a\", \"type\": \"text\"}, {\"name\": \"a\", \"type\": \"integer\"}]", ".fields[1].name"),
                Map.entry("[{\"name\": \"a\", \"type\": \"select\"}]", ".fields[0].options"),
                Map.entry("[{\"name\": \"a\", \"type\": \"select\", \"options\": []}]", ".fields[0].options"),
                Map.entry("[{\"name\": \"a\", \"type\": \"text\", \"options\": [\"x\"]}]", ".fields[0].options"),
                Map.entry("[{\"name\": \"a\", \"type\": \"boolean\", \"min\": 1}]", ".fields[0].min"),
                Map.entry("[{\"name\": \"a\", \"type\": \"text\", \"max\": 2.5}]", ".fields[0].max"),
                Map.entry("[{\"name\": \"a\", \"type\": \"text\", \"min\": -1}]", ".fields[0].min"),
                Map.entry("[{\"name\": \"a\", \"type\": \"float\", \"min\": 5, \"max\": 4}]", ".fields[0].max"),
                Map.entry("[{\"name\": \"a\", \"type\": \"integer\", \"min\": \"5\"}]", ".fields[0].min"),
                Map.entry("[{\"name\": \"a\", \"type\": \"float\", \"max\": 1e400}]", ".fields[0].max"),
                Map.entry("[{\"name\": \"a\", \"type\": \"text\", \"required\": \"yes\"}]", ".fields[0].required"))) {
            post(all, path(), body("vitals", bad.getKey())).statusCode(400)
                    .body("errors.size()", equalTo(1))
                    .body("errors[0].extra.path", equalTo(bad.getValue()));
        }
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void anUpdateWithBadFieldsChangesNothing() {
        String id = post(all, path(), body("vitals", FIELDS)).statusCode(200).extract().path("data.id");
        String before = get(reader, path() + "/" + id).extract().asString();
        put(all, path() + "/" + id, "{\"title\": \"x\", \"fields\": [{\"name\": \"a\", \"type\": \"select\"}]}")
                .statusCode(400).body("errors[0].extra.path", equalTo(".fields[0].options"));
        put(all, path() + "/" + id, "{\"fields\": null}").statusCode(400)
                .body("errors[0].extra.path", equalTo(".fields"));
        org.junit.jupiter.api.Assertions.assertEquals(before, get(reader, path() + "/" + id).extract().asString());
        put(all, path() + "/" + id, "{\"title\": null}").statusCode(200).body("data.title", nullValue());
    }

    @Test
    void onlyAnAdminDefinesTypes() {
        post(TestTokens.token(tenant, "all"), path(), validBody()).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        post(TestTokens.token(tenant, "custom_data_types.write"), path(), validBody()).statusCode(403);
    }
}
