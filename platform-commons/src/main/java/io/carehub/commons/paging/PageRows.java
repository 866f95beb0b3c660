package io.carehub.commons.paging;

import java.util.List;

/**
 * The rows a Find fetched for one page ({@link KeysetQuery#fetchSize()} at most, in {@code (updated_at, id)}
 * order), and whether its window may still gain rows from writes in flight (see
 * {@link io.carehub.commons.persistence.FindHorizon}): then its last page keeps a {@code next} link.
 */
public record PageRows<T>(List<T> rows, boolean mayGrow) {

    public static <T> PageRows<T> complete(List<T> rows) {
        return new PageRows<>(rows, false);
    }
}
