package io.carehub.commons.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.restassured.path.json.JsonPath;

/**
 * Walks a Find from its first page by following {@code links.next.href} until it is absent (API.md §3), checking
 * on the way what every page must show: at most {@code page[size]} items, the size in {@code meta}, the same
 * next link in {@code links.next.href} and {@code links.href.next}, and every {@code next} absent at the end.
 */
public final class FindPages {

    /** The ids of every page, in order, and how many pages there were. */
    public record Walk(List<String> ids, int pages) {
    }

    private FindPages() {
    }

    /** {@code firstPage}: a path with its query, e.g. {@code /v1/workers?page[size]=7}. */
    public static Walk walk(String token, String firstPage, int pageSize) {
        List<String> ids = new ArrayList<>();
        String next = firstPage;
        int pages = 0;
        while (next != null) {
            JsonPath page = given().auth().oauth2(token).urlEncodingEnabled(false).get(next).then()
                    .statusCode(200).extract().jsonPath();
            List<String> pageIds = page.getList("data.id");
            assertTrue(pageIds.size() <= pageSize, "at most page[size] items");
            ids.addAll(pageIds);
            pages++;
            assertEquals(pageSize, page.getInt("meta.current['page[size]']"));
            String href = page.getString("links.next.href");
            if (href != null) {
                assertEquals(href, page.getString("links.href.next"));
                assertEquals(page.getString("meta.next['page[after]']"), page.getString("links.next.meta['page[after]']"));
                URI uri = URI.create(href);
                next = uri.getRawPath() + "?" + uri.getRawQuery();
            } else {
                assertTrue(page.getMap("meta").get("next") == null && !page.getMap("links").containsKey("next")
                        && !page.getMap("links.href").containsKey("next"), "next must be absent on the last page");
                next = null;
            }
        }
        return new Walk(ids, pages);
    }
}
