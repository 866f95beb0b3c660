package io.carehub.commons.paging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.carehub.commons.web.Timestamps;

/**
 * The body of a Find (API.md §3), the live v1 API's shape: {@code data}, {@code meta} and {@code links};
 * every {@code next} is absent on the last page. Links are absolute URLs of {@code GET <collectionUrl>}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindResponse<V>(@com.fasterxml.jackson.databind.annotation.JsonSerialize(
        contentUsing = io.carehub.commons.web.RuntimeTypeSerializer.class) List<V> data, Map<String, Object> meta, Map<String, Object> links) {

    public static <V> FindResponse<V> of(PageOf<V> page, FindParameters find, String collectionUrl) {
        Map<String, Object> current = pageMeta(find, null);
        String currentHref = href(collectionUrl, find, current);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("current", current);

        Map<String, Object> hrefs = new LinkedHashMap<>();
        hrefs.put("current", currentHref);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("href", hrefs);
        links.put("current", Map.of("href", currentHref, "meta", current));
        Map<String, Object> linkMeta = new LinkedHashMap<>();
        linkMeta.put("current", current);
        links.put("meta", linkMeta);

        if (page.next() != null) {
            Map<String, Object> next = pageMeta(find, page.next().encode());
            String nextHref = href(collectionUrl, find, next);
            meta.put("next", next);
            hrefs.put("next", nextHref);
            links.put("next", Map.of("href", nextHref, "meta", next));
            linkMeta.put("next", next);
        }
        return new FindResponse<>(page.items(), meta, links);
    }

    private static Map<String, Object> pageMeta(FindParameters find, String after) {
        PageRequest page = find.page();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put(FindParameters.FROM, Timestamps.format(page.from()));
        meta.put(FindParameters.TO, Timestamps.format(page.to()));
        meta.put(FindParameters.SIZE, page.size());
        if (after != null) {
            meta.put(FindParameters.AFTER, after);
        } else if (page.after() != null) {
            meta.put(FindParameters.AFTER, page.after().encode());
        }
        return meta;
    }

    private static String href(String collectionUrl, FindParameters find, Map<String, Object> pageMeta) {
        StringBuilder url = new StringBuilder(collectionUrl);
        char sep = '?';
        for (var filter : find.filterText().entrySet()) {
            url.append(sep).append(filter.getKey()).append('=').append(encode(filter.getValue()));
            sep = '&';
        }
        if (find.includeDeleted()) {
            url.append(sep).append(FindParameters.INCLUDE_DELETED).append("=true");
            sep = '&';
        }
        for (var entry : pageMeta.entrySet()) {
            if (entry.getValue() != null) {
                url.append(sep).append(entry.getKey()).append('=').append(encode(entry.getValue().toString()));
                sep = '&';
            }
        }
        return url.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
