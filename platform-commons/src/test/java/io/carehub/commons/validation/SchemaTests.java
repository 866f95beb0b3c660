package io.carehub.commons.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.carehub.commons.errors.ApiError;
import io.carehub.commons.errors.ApiException;

class SchemaTests {

    static final Schema PATIENT_LIKE = Schema.of(
            Field.of("first_name", Types.STRING).required(),
            Field.of("birthday", Types.ISO_DATE).required(),
            Field.of("phone", Types.PHONE),
            Field.of("state", Types.STATE),
            Field.of("zip_code", Types.ZIP_CODE),
            Field.of("timezone", Types.TIMEZONE),
            Field.of("email", Types.EMAIL),
            Field.of("verified", Types.BOOLEAN),
            Field.of("coach_id", Types.GUID_TYPE),
            Field.of("body", Types.JSON_OBJECT),
            Field.of("kind", Types.enumOf("cell", "landline", "other")),
            Field.of("external_id", Types.STRING).createOnly());

    static List<ApiError> errors(String json, boolean create) {
        var body = JsonBodies.object(json);
        ApiException e = assertThrows(ApiException.class,
                () -> { if (create) PATIENT_LIKE.create(body); else PATIENT_LIKE.update(body); });
        return e.errors();
    }

    static ApiError at(List<ApiError> errors, String path) {
        return errors.stream().filter(e -> path.equals(e.extra().get("path"))).findFirst()
                .orElseThrow(() -> new AssertionError("no error at " + path + " in " + errors));
    }

    @Test
    void normalisesValuesItAccepts() {
        Fields f = PATIENT_LIKE.create(JsonBodies.object("""
                {"first_name": "Grace", "birthday": "1906-12-09", "phone": "(555) 555-5555", "state": "NY",
                 "zip_code": "10001", "timezone": "US/Pacific", "email": "grace@example.com", "verified": true,
                 "coach_id": "0d5de756-cdda-4cc0-9cae-8a3c1e3b8d0b", "body": {"a": [1]}, "kind": "cell"}"""));
        assertEquals(LocalDate.of(1906, 12, 9), f.date("birthday"));
        assertEquals("555-555-5555", f.string("phone"));
        assertTrue(f.bool("verified"));
        assertEquals("0d5de756-cdda-4cc0-9cae-8a3c1e3b8d0b", f.guid("coach_id").toString());
        assertEquals(1, f.json("body").get("a").get(0).asInt());
        assertFalse(f.has("external_id"));
    }

    @Test
    void listsEveryErrorWithItsPathAndCode() {
        var errors = errors("""
                {"birthday": "2019-02-30", "phone": "555-5555", "state": "XX", "zip_code": "1234", "timezone": "Nowhere/Land",
                 "email": "no-at-sign", "verified": "yes", "coach_id": "abc", "body": [1], "kind": "mobile", "extra": 1}""", true);
        assertEquals(12, errors.size(), errors.toString());
        assertEquals("bad_request", at(errors, ".first_name").code());
        assertEquals("first_name is required", at(errors, ".first_name").detail());
        assertEquals("birthday must be an ISO date, e.g. 1906-12-09", at(errors, ".birthday").detail());
        assertEquals("bad_request", at(errors, ".phone").code());
        assertEquals("bad_request", at(errors, ".state").code());
        assertEquals("bad_request", at(errors, ".zip_code").code());
        assertEquals("bad_request", at(errors, ".timezone").code());
        assertEquals("bad_request", at(errors, ".email").code());
        assertEquals("parse_exception", at(errors, ".verified").code());
        assertEquals("bad_request", at(errors, ".coach_id").code());
        assertEquals("parse_exception", at(errors, ".body").code());
        assertEquals("kind must be one of cell, landline, other", at(errors, ".kind").detail());
        assertEquals("unknown field extra", at(errors, ".extra").detail());
    }

    @Test
    void aRequiredFieldSentAsNullCountsAsMissing() {
        var errors = errors("{\"first_name\": null, \"birthday\": \"1906-12-09\"}", true);
        assertEquals(1, errors.size());
        assertEquals(".first_name", errors.get(0).extra().get("path"));
    }

    @Test
    void updateNeedsNothingClearsOptionalsAndRefusesCreateOnlyFieldsAndClearingRequiredOnes() {
        Fields f = PATIENT_LIKE.update(JsonBodies.object("{\"phone\": null}"));
        assertTrue(f.has("phone"));
        assertNull(f.string("phone"));
        var errors = errors("{\"external_id\": \"x\", \"first_name\": null}", false);
        assertEquals(2, errors.size());
        assertEquals("external_id cannot be updated", at(errors, ".external_id").detail());
        assertEquals("bad_request", at(errors, ".first_name").code());
    }

    @Test
    void nestedListsAndObjectsNameTheirPathsByIndex() {
        Schema phone = Schema.of(Field.of("phone_number", Types.PHONE).required());
        Schema withList = Schema.of(Field.of("phone_numbers", Types.listOf(Types.object(phone))));
        ApiException e = assertThrows(ApiException.class, () -> withList.create(JsonBodies.object(
                "{\"phone_numbers\": [{\"phone_number\": \"555-555-5555\"}, {\"phone_number\": \"12\"}, {}]}")));
        assertEquals(2, e.errors().size());
        at(e.errors(), ".phone_numbers[1].phone_number");
        assertEquals("phone_number is required", at(e.errors(), ".phone_numbers[2].phone_number").detail());
    }

    @Test
    void bodiesThatAreNotJsonObjectsAreParseExceptions() {
        for (String bad : new String[] { "", "  ", "[1]", "\"text\"", "{\"a\": 1", "{\"a\": 1} {}", "{\"a\":1,\"a\":2}" }) {
            ApiException e = assertThrows(ApiException.class, () -> JsonBodies.object(bad), bad);
            assertEquals("parse_exception", e.errors().get(0).code(), bad);
        }
    }

    @Test
    void datesAreOfYearsOneTo9999() {
        assertEquals(LocalDate.of(1, 1, 1), Types.parseDate("0001-01-01"));
        assertEquals(LocalDate.of(9999, 12, 31), Types.parseDate("9999-12-31"));
        for (String far : new String[] { "0000-01-01", "-5000-01-01", "+10000-01-01", "+300000-01-01" }) {
            assertNull(Types.parseDate(far), far);
        }
    }

    @Test
    void phonesAreReadInTheFormsOfTheContract() {
        assertEquals("555-555-1234", Types.normalisePhone("5555551234"));
        assertEquals("555-555-1234", Types.normalisePhone("(555) 555-1234"));
        assertEquals("555-555-1234", Types.normalisePhone("555-555-1234"));
        assertNull(Types.normalisePhone("+1 555 555 1234"));
        assertNull(Types.normalisePhone("555-555-123"));
        assertNull(Types.normalisePhone("555-CALL-NOW"));
    }

    @Test
    void everyStringIsBoundedAndFreeOfNul() {
        String atBound = "a".repeat(Types.MAX_LENGTH);
        assertEquals(atBound, PATIENT_LIKE.create(JsonBodies.object(
                "{\"first_name\": \"" + atBound + "\", \"birthday\": \"1906-12-09\"}")).string("first_name"));
        var errors = errors("{\"first_name\": \"" + atBound + "a\", \"birthday\": \"1906-12-09\", \"email\": \"a@b\\u0000\"}", true);
        assertEquals(2, errors.size(), errors.toString());
        assertEquals("bad_request", at(errors, ".first_name").code());
        assertEquals("first_name must be at most 10000 characters long", at(errors, ".first_name").detail());
        assertEquals("bad_request", at(errors, ".email").code());
        assertEquals("email must not contain the NUL character (U+0000)", at(errors, ".email").detail());
    }

    @Test
    void aNulAnywhereInAJsonFieldIsRefusedAtItsPath() {
        var errors = errors("{\"first_name\": \"G\", \"birthday\": \"1906-12-09\","
                + " \"body\": {\"a\": [1, {\"b\": \"x\\u0000y\"}]}}", true);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("bad_request", errors.get(0).code());
        assertEquals(".body.a[1].b", errors.get(0).extra().get("path"));
        var inName = errors("{\"first_name\": \"G\", \"birthday\": \"1906-12-09\", \"body\": {\"a\": {\"k\\u0000\": 1}}}", true);
        assertEquals(".body.a", inName.get(0).extra().get("path"));
        assertEquals("body must not contain the NUL character (U+0000) in a field name", inName.get(0).detail());
    }

    /** A lone surrogate has no UTF-8 form: PostgreSQL would get a ? in its place, not what was sent. */
    @Test
    void anUnpairedSurrogateIsRefusedAndAPairIsKept() {
        var errors = errors("{\"first_name\": \"G\\ud800\", \"birthday\": \"1906-12-09\", \"email\": \"\\udc00@b\","
                + " \"body\": {\"a\": [\"\\ud83d\"]}}", true);
        assertEquals(3, errors.size(), errors.toString());
        assertEquals("first_name must be Unicode text: it holds an unpaired surrogate (\\ud800)", at(errors, ".first_name").detail());
        at(errors, ".email");
        at(errors, ".body.a[0]");
        assertEquals("G\ud83d\ude00", PATIENT_LIKE.create(JsonBodies.object(
                "{\"first_name\": \"G\\ud83d\\ude00\", \"birthday\": \"1906-12-09\"}")).string("first_name"));
    }

    @Test
    void everyListIsBoundedAndRefusedWholeAtItsPath() {
        Schema phone = Schema.of(Field.of("phone_number", Types.PHONE).required());
        Schema withList = Schema.of(Field.of("phone_numbers", Types.listOf(Types.object(phone))),
                Field.of("tags", Types.listOf(Types.STRING, 2)));
        String item = "{\"phone_number\": \"555-555-5555\"}";
        assertEquals(Types.MAX_ITEMS, withList.create(JsonBodies.object("{\"phone_numbers\": ["
                + String.join(",", java.util.Collections.nCopies(Types.MAX_ITEMS, item)) + "]}")).list("phone_numbers").size());
        ApiException e = assertThrows(ApiException.class, () -> withList.create(JsonBodies.object("{\"phone_numbers\": ["
                + String.join(",", java.util.Collections.nCopies(10_000, item)) + "], \"tags\": [\"a\", \"b\", \"c\"]}")));
        assertEquals(2, e.errors().size(), e.errors().toString());
        assertEquals("phone_numbers must have at most 100 items", at(e.errors(), ".phone_numbers").detail());
        assertEquals("tags must have at most 2 items", at(e.errors(), ".tags").detail());
    }

    @Test
    void aBodyNestedDeeperThanTheBoundIsABadRequestNotAStackOverflow() {
        String deep = "{\"body\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        ApiException e = assertThrows(ApiException.class, () -> JsonBodies.object(deep));
        assertEquals(1, e.errors().size());
        assertEquals("bad_request", e.errors().get(0).code());
        assertEquals("", e.errors().get(0).extra().get("path"));
        assertEquals("the body nests objects and arrays more than 64 levels deep", e.errors().get(0).detail());
        // 64 levels, the body object included, are read.
        String atBound = "{\"body\": " + "[".repeat(JsonBodies.MAX_DEPTH - 1) + "]".repeat(JsonBodies.MAX_DEPTH - 1) + "}";
        assertTrue(JsonBodies.object(atBound).get("body").isArray());
        assertThrows(ApiException.class, () -> JsonBodies.object("{\"body\": " + "[".repeat(JsonBodies.MAX_DEPTH)
                + "]".repeat(JsonBodies.MAX_DEPTH) + "}"));
    }

    @Test
    void theOpenApiSchemaShowsEveryBound() {
        Schema phone = Schema.of(Field.of("phone_number", Types.PHONE).required(), Field.of("name", Types.STRING));
        var doc = Schema.of(Field.of("phone_numbers", Types.listOf(Types.object(phone))), Field.of("ref_ids", Types.STRING_LIST),
                Field.of("name", Types.string(200)), Field.of("state", Types.STATE)).openApi(Schema.Mode.CREATE);
        assertEquals(100, doc.getProperties().get("phone_numbers").getMaxItems());
        assertEquals(10_000, doc.getProperties().get("phone_numbers").getItems().getProperties().get("name").getMaxLength());
        assertEquals(100, doc.getProperties().get("ref_ids").getMaxItems());
        assertEquals(10_000, doc.getProperties().get("ref_ids").getItems().getMaxLength());
        assertEquals(200, doc.getProperties().get("name").getMaxLength());
        assertEquals(10_000, doc.getProperties().get("state").getMaxLength());
    }
}
