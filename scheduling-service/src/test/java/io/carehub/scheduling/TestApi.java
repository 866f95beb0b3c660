package io.carehub.scheduling;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;

import java.util.List;
import java.util.UUID;

import io.carehub.commons.testing.TestHttp;

/**
 * This service's test values: workers and their calendars. The generic HTTP side (requests with a token,
 * {@code with}, {@code ABSENT}, formats) is the commons' {@link TestHttp}.
 */
public final class TestApi {

    private TestApi() {
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
}
