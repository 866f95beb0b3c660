package io.carehub.patients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.List;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The HTTP side of this service's tests: requests with a token, the reference's example patient, formats. */
public final class TestApi {

    /** isodatetime as written (API.md §2): six fractional digits and {@code +00:00}. */
    public static final String TIMESTAMP = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00$";
    public static final String GUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    /** The reference's example patient. */
    public static final String GRACE = """
            {"phase": "intake", "first_name": "Grace", "last_name": "Hopper", "birthday": "1906-12-09",
             "timezone": "US/Eastern", "street": "1 Main St", "street_line_two": "Apt 2", "city": "New York",
             "county": "New York", "zip_code": "10001", "state": "NY", "country": "US"}""";

    /** Marks a field to leave out in {@link #grace} and {@link #with}. */
    public static final Object ABSENT = new Object();

    public static final ObjectMapper JSON = new ObjectMapper();

    private TestApi() {
    }

    /** A tenant of its own, so that a test sees no other test's data. */
    public static String newTenant(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).get(path).then();
    }

    public static ValidatableResponse post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    public static ValidatableResponse put(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(path).then();
    }

    /** The example patient, created; its id. */
    public static String createPatient(String token) {
        return createPatient(token, GRACE);
    }

    public static String createPatient(String token, String body) {
        return post(token, "/v1/patients", body).statusCode(200).extract().path("data.id");
    }

    /**
     * The example patient with fields set (to any value Jackson can write, null included) or, given
     * {@link #ABSENT}, left out: {@code grace("first_name", "Ada", "birthday", ABSENT)}.
     */
    public static String grace(Object... namesAndValues) {
        return with(GRACE, namesAndValues);
    }

    /** {@code json} (an object) with fields set or, given {@link #ABSENT}, removed. */
    public static String with(String json, Object... namesAndValues) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(json);
            for (int i = 0; i < namesAndValues.length; i += 2) {
                String name = (String) namesAndValues[i];
                Object value = namesAndValues[i + 1];
                if (value == ABSENT) {
                    node.remove(name);
                } else {
                    node.set(name, JSON.valueToTree(value));
                }
            }
            return JSON.writeValueAsString(node);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static Instant instant(String timestamp) {
        return OffsetDateTime.parse(timestamp).toInstant();
    }

    /** A bad value for {@code field}, to be refused with exactly one error: {@code code} at {@code path}. */
    public record BadInput(String field, Object value, String code, String path) {
        public BadInput(String field, Object value, String code) {
            this(field, value, code, "." + field);
        }
    }

    /** Each bad input, set into the valid {@code body} and created at {@code path}, is refused with its one error. */
    public static void assertEachRefused(String token, String path, String body, List<BadInput> cases) {
        for (BadInput c : cases) {
            var errors = post(token, path, with(body, c.field(), c.value())).statusCode(400).extract().jsonPath();
            assertEquals(1, errors.getList("errors").size(), c + ": " + errors.prettify());
            assertEquals(c.code(), errors.getString("errors[0].code"), c.toString());
            assertEquals(c.path(), errors.getString("errors[0].extra.path"), c.toString());
        }
    }
}
