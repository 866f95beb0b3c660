package io.carehub.patients.customdata;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static io.carehub.commons.testing.TestHttp.with;
import static io.carehub.patients.TestApi.createPatient;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.CollectionContract;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestHttp.BadInput;
import io.carehub.commons.testing.TestTokens;
import io.carehub.patients.TestApi;
import io.carehub.patients.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class CustomDataTypeRecordResourceTests extends CollectionContract {

    static final String BODY = """
            {"favourite_language": "COBOL", "ranks": ["Lieutenant", "Rear Admiral"], "nested": {"depth": 2, "ok": true,
             "nothing": null, "pi": 3.14159, "keptAsGiven": "camelCase keys are not snake_cased"}}""";


    @Override
    protected String collection() {
        return "custom_data_type_records";
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
    protected boolean hasDelete() {
        return true;
    }

    @Override
    protected List<String> fields() {
        return List.of("id", "user_id", "type_name", "body", "version", "created_at", "updated_at");
    }

    @Override
    protected String exportHeader() {
        return "id,user_id,type_name,body,created_at,updated_at,version,deleted";
    }

    @Override
    protected String validBody() {
        return body(createPatient(all), "preferences");
    }

    static String body(String userId, String typeName) {
        return "{\"user_id\": \"" + userId + "\", \"type_name\": \"" + typeName + "\", \"body\": " + BODY + "}";
    }

    @Test
    void theBodyIsStoredAsJsonbAndReturnedAsGiven() {
        String patient = createPatient(all);
        String id = post(all, path(), body(patient, "preferences")).statusCode(200)
                .body("data.user_id", equalTo(patient))
                .body("data.type_name", equalTo("preferences"))
                .extract().path("data.id");
        String got = get(reader, path() + "/" + id).statusCode(200).extract().asString();
        assertEquals(TestEvents.json(BODY), TestEvents.json(got).get("data").get("body"));
        String type = pool.preparedQuery("SELECT jsonb_typeof(body) AS t, body->'nested'->>'depth' AS depth"
                + " FROM custom_data_type_records WHERE id = $1").execute(Tuple.of(UUID.fromString(id)))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getString("t");
        assertEquals("object", type);
    }

    @Test
    void updateReplacesTheBodyWholeKeepsFieldsLeftOutAndMovesUpdatedAtForward() {
        String patient = createPatient(all);
        String id = post(all, path(), body(patient, "preferences")).statusCode(200).extract().path("data.id");
        String before = get(reader, path() + "/" + id).extract().path("data.updated_at");
        put(all, path() + "/" + id, "{\"body\": {\"favourite_language\": \"FLOW-MATIC\"}}").statusCode(200)
                .body("data.body", equalTo(Map.of("favourite_language", "FLOW-MATIC")));
        String after = get(reader, path() + "/" + id).statusCode(200)
                .body("data.type_name", equalTo("preferences"))
                .body("data.user_id", equalTo(patient))
                .body("data.body", equalTo(Map.of("favourite_language", "FLOW-MATIC")))
                .extract().path("data.updated_at");
        assertTrue(TestHttp.instant(after).isAfter(TestHttp.instant(before)));
        put(all, path() + "/" + id, "{\"type_name\": \"settings\"}").statusCode(200)
                .body("data.type_name", equalTo("settings"))
                .body("data.body", equalTo(Map.of("favourite_language", "FLOW-MATIC")));
    }

    @Test
    void findFiltersByUserIdAndTypeName() {
        String grace = createPatient(all);
        String ada = createPatient(all, TestApi.grace("first_name", "Ada"));
        String gracePrefs = post(all, path(), body(grace, "preferences")).statusCode(200).extract().path("data.id");
        String graceVitals = post(all, path(), body(grace, "vitals")).statusCode(200).extract().path("data.id");
        String adaPrefs = post(all, path(), body(ada, "preferences")).statusCode(200).extract().path("data.id");
        get(reader, path() + "?user_id=" + grace).statusCode(200).body("data.id", contains(gracePrefs, graceVitals));
        get(reader, path() + "?type_name=preferences").statusCode(200).body("data.id", contains(gracePrefs, adaPrefs));
        get(reader, path() + "?type_name=preferences&user_id=" + ada).statusCode(200).body("data.id", contains(adaPrefs));
        get(reader, path() + "?type_name=Preferences").statusCode(200).body("data.size()", equalTo(0));
        String csv = get(reader, "/v1/exports/custom_data_type_records?type_name=vitals").statusCode(200).extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length, csv);
        String prefix = graceVitals + "," + grace + ",vitals,\"";
        assertTrue(lines[1].startsWith(prefix), lines[1]);
        // The body as JSON text in one quoted field (its quotes doubled), then the two timestamps.
        String field = lines[1].substring(prefix.length(), lines[1].lastIndexOf("\",", lines[1].lastIndexOf(',') - 1));
        assertEquals(TestEvents.json(BODY), TestEvents.json(field.replace("\"\"", "\"")));
    }

    @Test
    void eachRuleAloneIsAnsweredWithItsCodeAndPathAndNothingIsStored() {
        String patient = createPatient(all);
        TestHttp.assertEachRefused(all, path(), body(patient, "preferences"), List.of(
                new BadInput("body", List.of(1, 2), "parse_exception"),
                new BadInput("body", "{\"a\": 1}", "parse_exception"),
                new BadInput("body", 42, "parse_exception"),
                new BadInput("body", null, "bad_request"),
                new BadInput("body", TestHttp.ABSENT, "bad_request"),
                new BadInput("type_name", "", "bad_request"),
                new BadInput("type_name", TestHttp.ABSENT, "bad_request"),
                new BadInput("type_name", Map.of("name", "x"), "parse_exception"),
                new BadInput("user_id", TestHttp.ABSENT, "bad_request"),
                new BadInput("user_id", 42, "parse_exception"),
                new BadInput("schema", "v2", "bad_request")));
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void aUserIdThatNamesNoPatientOfTheTenantIsResourceNotFound() {
        String strangersPatient = createPatient(TestTokens.token(TestHttp.newTenant("stranger"), "all"));
        for (String userId : List.of(UUID.randomUUID().toString(), strangersPatient)) {
            post(all, path(), body(userId, "preferences")).statusCode(404)
                    .body("errors[0].code", equalTo("resource_not_found"))
                    .body("errors[0].extra.path", equalTo(".user_id"));
        }
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }
}
