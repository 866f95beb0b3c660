package io.carehub.scheduling;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The HTTP side of this service's tests: requests with a token, workers and their calendars, JSON edits. */
public final class TestApi {

    /** isodatetime as written (API.md §2): six fractional digits and {@code +00:00}. */
    public static final String TIMESTAMP = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00$";
    public static final String GUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    /** Marks a field to leave out in {@link #with}. */
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

    /** A new worker's id ({@code admin}: a token with the admin scope). */
    public static String createWorker(String admin) {
        return post(admin, "/v1/workers", "{\"email\": \"w." + UUID.randomUUID() + "@example.com\", \"first_name\": \"Grace\"}")
                .statusCode(200).extract().path("data.id");
    }

    /** The calendar of a new worker of the tenant ({@code admin}: a token with the admin scope and calendars.read or all). */
    public static String createCalendar(String admin) {
        String worker = createWorker(admin);
        List<String> ids = get(admin, "/v1/calendars?worker_id=" + worker).statusCode(200).extract().path("data.id");
        if (ids.size() != 1) {
            throw new AssertionError("a worker has exactly one calendar: " + ids);
        }
        return ids.get(0);
    }

    /** {@code json} (an object) with fields set (to any value Jackson can write, null included) or, given {@link #ABSENT}, removed. */
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
}
