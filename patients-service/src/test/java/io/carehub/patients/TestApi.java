package io.carehub.patients;

import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.with;

import io.carehub.commons.testing.TestHttp;

/**
 * This service's test values: the reference's example patient, created or changed. The generic HTTP side
 * (requests with a token, {@code with}, {@code ABSENT}, {@code BadInput}, formats) is the commons' {@link TestHttp}.
 */
public final class TestApi {

    /** The reference's example patient. */
    public static final String GRACE = """
            {"phase": "intake", "first_name": "Grace", "last_name": "Hopper", "birthday": "1906-12-09",
             "timezone": "US/Eastern", "street": "1 Main St", "street_line_two": "Apt 2", "city": "New York",
             "county": "New York", "zip_code": "10001", "state": "NY", "country": "US"}""";

    private TestApi() {
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
     * {@link TestHttp#ABSENT}, left out: {@code grace("first_name", "Ada", "birthday", ABSENT)}.
     */
    public static String grace(Object... namesAndValues) {
        return with(GRACE, namesAndValues);
    }
}
