package io.carehub.commons.testing;

import static io.carehub.commons.testing.TestHttp.get;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** API-CORE.md §C1 in tests: what the tokens of a tenant's environments see of each other's resources. */
public final class TestEnvironments {

    private TestEnvironments() {
    }

    /**
     * The resource {@code id} of {@code collection} is {@code owner}'s environment's: its token gets it and finds it,
     * while {@code other}'s (another environment of the same tenant) gets {@code 404} and neither finds nor exports it.
     */
    public static void assertOnlyIn(String owner, String other, String collection, String id) {
        String path = "/v1/" + collection;
        get(owner, path + "/" + id).statusCode(200).body("data.id", equalTo(id));
        get(owner, path + "?page[size]=1000").statusCode(200).body("data.id", hasItem(id));
        get(other, path + "/" + id).statusCode(404).body("errors[0].code", equalTo("not_found"));
        get(other, path + "?page[size]=1000").statusCode(200).body("data.id", not(hasItem(id)));
        assertFalse(get(other, "/v1/exports/" + collection).statusCode(200).extract().asString().contains(id),
                collection + " " + id + " in the other environment's export");
    }
}
