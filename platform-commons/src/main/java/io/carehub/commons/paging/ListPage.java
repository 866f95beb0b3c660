package io.carehub.commons.paging;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One page of a core-face list (API-CORE.md §C3), as it goes on the wire:
 * {@code {"content": [...], "page", "size", "totalElements", "totalPages", "first", "last"}}.
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record ListPage<T>(
        // A client's roles may show a view as the JSON it becomes (API-CORE.md §C9): written by what it is.
        @com.fasterxml.jackson.databind.annotation.JsonSerialize(contentUsing = io.carehub.commons.web.RuntimeTypeSerializer.class) List<T> content, int page, int size, long totalElements, long totalPages, boolean first,
        boolean last) {

    public static <T> ListPage<T> of(List<T> content, ListParameters list, long total) {
        long pages = (total + list.size() - 1) / list.size();
        return new ListPage<>(content, list.page(), list.size(), total, pages, list.page() == 0,
                list.page() >= pages - 1);
    }

    public <V> ListPage<V> map(Function<T, V> view) {
        return new ListPage<>(content.stream().map(view).toList(), page, size, totalElements, totalPages, first, last);
    }
}
