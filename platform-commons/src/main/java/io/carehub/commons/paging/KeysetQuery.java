package io.carehub.commons.paging;

import java.util.Map;

import io.quarkus.panache.common.Parameters;

/**
 * The HQL of one Find page: the caller's tenant, the filters, the {@code page[from]}/{@code page[to]}
 * window and the keyset after the cursor, ordered by {@code (updatedAt, id)}. Entities queried this way
 * have the attributes {@code tenant}, {@code updatedAt}, {@code id} (and {@code deleted} where
 * {@code deletable}). Fetch {@link #fetchSize()} rows: one more than the page tells whether a next page exists.
 */
public final class KeysetQuery {

    private final String hql;
    private final Parameters parameters;
    private final int fetchSize;

    private KeysetQuery(String hql, Parameters parameters, int fetchSize) {
        this.hql = hql;
        this.parameters = parameters;
        this.fetchSize = fetchSize;
    }

    public static KeysetQuery of(String tenant, FindParameters find, boolean deletable) {
        StringBuilder where = new StringBuilder("tenant = :tenant");
        Parameters params = Parameters.with("tenant", tenant);
        int i = 0;
        for (Map.Entry<Filter, Object> filter : find.filters().entrySet()) {
            String p = "f" + i++;
            where.append(" and ").append(filter.getKey().attribute()).append(" = :").append(p);
            params.and(p, filter.getValue());
        }
        if (deletable && !find.includeDeleted()) {
            where.append(" and deleted = false");
        }
        PageRequest page = find.page();
        if (page.from() != null) {
            where.append(" and updatedAt >= :pageFrom");
            params.and("pageFrom", page.from());
        }
        if (page.to() != null) {
            where.append(" and updatedAt <= :pageTo");
            params.and("pageTo", page.to());
        }
        if (page.after() != null) {
            where.append(" and (updatedAt > :afterAt or (updatedAt = :afterAt and id > :afterId))");
            params.and("afterAt", page.after().updatedAt()).and("afterId", page.after().id());
        }
        where.append(" order by updatedAt, id");
        return new KeysetQuery(where.toString(), params, page.size() + 1);
    }

    public String hql() {
        return hql;
    }

    public Parameters parameters() {
        return parameters;
    }

    public int fetchSize() {
        return fetchSize;
    }
}
