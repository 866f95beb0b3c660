package io.carehub.commons.paging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** One page of a Find: its items, and the cursor of the next page (null on the last page). */
public record PageOf<T>(List<T> items, Cursor next) {

    /** Before every resource (all are stamped after 1970): a walk that starts over. */
    private static final Cursor BEFORE_ALL = new Cursor(Instant.EPOCH, new UUID(0, 0));

    /** From the rows of a {@link KeysetQuery} (up to one more than the page size). */
    public static <T> PageOf<T> of(List<T> rows, PageRequest page, Function<T, Instant> updatedAt, Function<T, UUID> id) {
        return of(PageRows.complete(rows), page, updatedAt, id);
    }

    /**
     * From fetched rows. A last page whose window may still grow (a write in flight) keeps a {@code next}: from
     * its last item, or from where it started when it has none, so the walker asks again and misses nothing.
     */
    public static <T> PageOf<T> of(PageRows<T> fetched, PageRequest page, Function<T, Instant> updatedAt,
            Function<T, UUID> id) {
        List<T> rows = fetched.rows();
        if (rows.size() <= page.size()) {
            if (!fetched.mayGrow()) {
                return new PageOf<>(rows, null);
            }
            if (rows.isEmpty()) {
                return new PageOf<>(rows, page.after() != null ? page.after() : BEFORE_ALL);
            }
            T last = rows.get(rows.size() - 1);
            return new PageOf<>(rows, new Cursor(updatedAt.apply(last), id.apply(last)));
        }
        List<T> items = rows.subList(0, page.size());
        T last = items.get(items.size() - 1);
        return new PageOf<>(items, new Cursor(updatedAt.apply(last), id.apply(last)));
    }

    public <V> PageOf<V> map(Function<T, V> mapper) {
        return new PageOf<>(items.stream().map(mapper).toList(), next);
    }
}
