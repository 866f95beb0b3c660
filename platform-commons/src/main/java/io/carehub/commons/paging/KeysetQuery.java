package io.carehub.commons.paging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.carehub.commons.tenancy.Partition;

/**
 * The HQL of one Find page: the caller's partition (tenant and environment), the filters, the {@code page[from]}/{@code page[to]}
 * window and the keyset after the cursor, ordered by {@code (updatedAt, id)}. Entities queried this way
 * have the attributes {@code tenant}, {@code updatedAt}, {@code id} ({@code environment} for a partition's Find,
 * {@code deleted} where
 * {@code deletable}). Fetch {@link #fetchSize()} rows: one more than the page tells whether a next page exists.
 */
public final class KeysetQuery {

    private static final String ORDER = "order by updatedAt, id";

    private final String hql;
    private final Map<String, Object> parameters;
    private final int fetchSize;
    private final Instant to;

    private KeysetQuery(String hql, Map<String, Object> parameters, int fetchSize, Instant to) {
        this.hql = hql;
        this.parameters = parameters;
        this.fetchSize = fetchSize;
        this.to = to;
    }

    /** A Find confined to {@code partition}: what every collection of a tenant's data does. */
    public static KeysetQuery of(Partition partition, FindParameters find, boolean deletable) {
        return build(partition.tenant(), partition.environment(), find, deletable);
    }

    /** A Find of tenant-wide records, confined to {@code tenant} (api_clients). */
    public static KeysetQuery inTenant(String tenant, FindParameters find, boolean deletable) {
        return build(tenant, null, find, deletable);
    }

    /** A Find over every tenant: only for the platform operator's own records (api_clients). */
    public static KeysetQuery acrossTenants(FindParameters find, boolean deletable) {
        return build(null, null, find, deletable);
    }

    private static KeysetQuery build(String tenant, String environment, FindParameters find, boolean deletable) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (tenant != null) {
            where.add("tenant = :tenant");
            params.put("tenant", tenant);
        }
        if (environment != null) {
            where.add("environment = :environment");
            params.put("environment", environment);
        }
        int i = 0;
        for (Map.Entry<Filter, Object> filter : find.filters().entrySet()) {
            String p = "f" + i++;
            where.add(filter.getKey().attribute() + " = :" + p);
            params.put(p, filter.getValue());
        }
        if (deletable && !find.includeDeleted()) {
            where.add("deleted = false");
        }
        PageRequest page = find.page();
        if (page.from() != null) {
            where.add("updatedAt >= :pageFrom");
            params.put("pageFrom", page.from());
        }
        if (page.to() != null) {
            where.add("updatedAt <= :pageTo");
            params.put("pageTo", page.to());
        }
        if (page.after() != null) {
            where.add("(updatedAt > :afterAt or (updatedAt = :afterAt and id > :afterId))");
            params.put("afterAt", page.after().updatedAt());
            params.put("afterId", page.after().id());
        }
        String hql = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + ORDER;
        return new KeysetQuery(hql, Map.copyOf(params), page.size() + 1, page.to());
    }

    /**
     * The same query, holding back every row at or after {@code bound} (the Find horizon: rows a write still in
     * flight may yet precede), so that no page position ever passes a change not yet committed.
     */
    public KeysetQuery before(Instant bound) {
        String conditions = hql.substring(0, hql.length() - ORDER.length());
        Map<String, Object> params = new HashMap<>(parameters);
        params.put("horizon", bound);
        return new KeysetQuery(conditions + (conditions.isEmpty() ? "" : "and ") + "updatedAt < :horizon " + ORDER,
                Map.copyOf(params), fetchSize, to);
    }

    /** The window's {@code page[to]}, or null. */
    public Instant to() {
        return to;
    }

    public String hql() {
        return hql;
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    public int fetchSize() {
        return fetchSize;
    }
}
