package io.carehub.commons.paging;

import java.time.Instant;

/** {@code page[from]}, {@code page[to]}, {@code page[size]} and the {@code page[after]} cursor (API.md §3). */
public record PageRequest(Instant from, Instant to, int size, Cursor after) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;
}
