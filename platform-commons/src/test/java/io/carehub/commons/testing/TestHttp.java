package io.carehub.commons.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The HTTP side of every service's tests: requests with a token, bodies with fields changed, the formats of API.md §2. */
public final class TestHttp {

    /** isodatetime as written (API.md §2): six fractional digits and {@code +00:00}. */
    public static final String TIMESTAMP = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00$";
    public static final String GUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    /** Marks a field to leave out in {@link #with}. */
    public static final Object ABSENT = new Object();

    public static final ObjectMapper JSON = new ObjectMapper();

    private TestHttp() {
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

    public static ValidatableResponse delete(String token, String path) {
        return given().auth().oauth2(token).delete(path).then();
    }

    /**
     * {@code json} (an object) with top-level fields set (to any value Jackson can write, null included) or, given
     * {@link #ABSENT}, removed: {@code with(body, "first_name", "Ada", "birthday", ABSENT)}.
     */
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

    /** A bad value for {@code field}, to be refused with exactly one error: {@code status}, {@code code} at {@code path}. */
    public record BadInput(String field, Object value, int status, String code, String path) {
        public BadInput(String field, Object value, String code) {
            this(field, value, 400, code, "." + field);
        }

        public BadInput(String field, Object value, String code, String path) {
            this(field, value, 400, code, path);
        }
    }

    /** Each bad input, set into the valid {@code body} and created at {@code path}, is refused with its one error. */
    public static void assertEachRefused(String token, String path, String body, List<BadInput> cases) {
        for (BadInput c : cases) {
            var errors = post(token, path, with(body, c.field(), c.value())).statusCode(c.status()).extract().jsonPath();
            assertEquals(1, errors.getList("errors").size(), c + ": " + errors.prettify());
            assertEquals(c.status(), errors.getInt("errors[0].status"), c.toString());
            assertEquals(c.code(), errors.getString("errors[0].code"), c.toString());
            assertEquals(c.path(), errors.getString("errors[0].extra.path"), c.toString());
        }
    }
}
