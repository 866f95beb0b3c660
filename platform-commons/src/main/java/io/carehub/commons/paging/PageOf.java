package io.carehub.commons.paging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** One page of a Find: its items, and the cursor of the next page (null on the last page). */
public record PageOf<T>(List<T> items, Cursor next) {

    /** From the rows of a {@link KeysetQuery} (up to one more than the page size). */
    public static <T> PageOf<T> of(List<T> rows, PageRequest page, Function<T, Instant> updatedAt, Function<T, UUID> id) {
        if (rows.size() <= page.size()) {
            return new PageOf<>(rows, null);
        }
        List<T> items = rows.subList(0, page.size());
        T last = items.get(items.size() - 1);
        return new PageOf<>(items, new Cursor(updatedAt.apply(last), id.apply(last)));
    }

    public <V> PageOf<V> map(Function<T, V> mapper) {
        return new PageOf<>(items.stream().map(mapper).toList(), next);
    }
}
