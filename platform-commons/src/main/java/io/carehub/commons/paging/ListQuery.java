package io.carehub.commons.paging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.carehub.commons.tenancy.Partition;

/**
 * The HQL of one core-face list page ({@link ListParameters}) and of its total: the partition, the filters, a deleted
 * resource left out, ordered by the sort attribute and then {@code id} in the same direction, so that every order is
 * total and pages neither repeat nor skip a row that did not change.
 */
public record ListQuery(String where, String order, Map<String, Object> parameters, ListParameters list) {

    /** A list confined to {@code partition}: what every collection of a tenant's data does. */
    public static ListQuery of(Partition partition, ListParameters list, boolean deletable) {
        return build(partition.tenant(), partition.environment(), list, deletable);
    }

    /** A list of tenant-wide records, confined to {@code tenant}. */
    public static ListQuery inTenant(String tenant, ListParameters list, boolean deletable) {
        return build(tenant, null, list, deletable);
    }

    private static ListQuery build(String tenant, String environment, ListParameters list, boolean deletable) {
        List<String> where = new ArrayList<>(List.of("tenant = :tenant"));
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant);
        if (environment != null) {
            where.add("environment = :environment");
            params.put("environment", environment);
        }
        int i = 0;
        for (var filter : list.filters().entrySet()) {
            String p = "f" + i++;
            where.add(filter.getKey().attribute() + " = :" + p);
            params.put(p, filter.getValue());
        }
        if (deletable) {
            where.add("deleted = false");
        }
        String direction = list.ascending() ? " asc" : " desc";
        return new ListQuery(String.join(" and ", where),
                " order by " + list.sortAttribute() + direction + ", id" + direction, Map.copyOf(params), list);
    }

    /**
     * The same list narrowed to rows whose {@code attribute} is {@code value}: what a list under a path names
     * ({@code /patients/{patientId}/cdts/{cdtName}}) beyond the client's own filters.
     */
    public ListQuery where(String attribute, Object value) {
        String p = "w" + parameters.size();
        Map<String, Object> params = new HashMap<>(parameters);
        params.put(p, value);
        return new ListQuery(where + " and " + attribute + " = :" + p, order, Map.copyOf(params), list);
    }

    /** The page's rows. */
    public String hql() {
        return where + order;
    }
}
