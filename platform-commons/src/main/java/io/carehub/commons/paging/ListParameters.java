package io.carehub.commons.paging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.TextNode;

import io.carehub.commons.validation.Types;
import io.carehub.commons.validation.Violations;

/**
 * A list of the core face (API-CORE.md §C3): {@code page} (0-based, default 0), {@code size} (1..1000, default 20),
 * {@code sort} ({@code field,asc|desc}; {@code createdAt}, {@code updatedAt} and the fields the resource lists; default
 * {@code updatedAt,asc}) and the resource's filters, each by its camelCase name. {@code environment} is the
 * partition's ({@code Caller#corePartition}). Anything else, or a value out of bounds, is {@code 400 bad_request} at
 * the parameter. Offset pages are for people and small lists: integrations that sync use the v1 keyset Find.
 *
 * @param sortAttribute the entity attribute sorted by; {@code id} breaks ties in the same direction
 */
public record ListParameters(int page, int size, String sortAttribute, boolean ascending, Map<Filter, Object> filters) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 1000;
    public static final String ENVIRONMENT = "environment";
    private static final Map<String, String> ALWAYS_SORTABLE = Map.of("createdAt", "createdAt", "updatedAt", "updatedAt");

    /**
     * @param sortable the resource's own sortable fields: wire name → entity attribute
     */
    public static ListParameters fromQuery(Map<String, List<String>> query, List<Filter> filters, Map<String, String> sortable) {
        Violations out = new Violations();
        Map<String, Filter> byName = new LinkedHashMap<>();
        filters.forEach(f -> byName.put(f.name(), f));
        Map<String, String> sorts = new LinkedHashMap<>(ALWAYS_SORTABLE);
        sorts.putAll(sortable);
        int page = 0;
        int size = DEFAULT_SIZE;
        String sortAttribute = "updatedAt";
        boolean ascending = true;
        Map<Filter, Object> values = new LinkedHashMap<>();
        for (var entry : query.entrySet()) {
            String name = entry.getKey();
            if (entry.getValue().size() > 1) {
                out.bad(name, name + " may be given only once");
                continue;
            }
            String value = entry.getValue().isEmpty() ? "" : entry.getValue().get(0);
            String unstorable = Types.unstorable(name) != null ? Types.unstorable(name) : Types.unstorable(value);
            if (unstorable != null) {
                out.bad(name, name + unstorable);
                continue;
            }
            switch (name) {
                case "page" -> page = whole(name, value, 0, Integer.MAX_VALUE, out, page);
                case "size" -> size = whole(name, value, 1, MAX_SIZE, out, size);
                case "sort" -> {
                    String[] parts = value.split(",", -1);
                    String attribute = sorts.get(parts[0]);
                    if (attribute == null || parts.length > 2
                            || parts.length == 2 && !parts[1].equals("asc") && !parts[1].equals("desc")) {
                        out.bad(name, "sort must be field,asc or field,desc with field one of " + String.join(", ", sorts.keySet()));
                    } else {
                        sortAttribute = attribute;
                        ascending = parts.length == 1 || parts[1].equals("asc");
                    }
                }
                case ENVIRONMENT -> {
                    // The partition's: read where the request's partition is settled.
                }
                default -> {
                    Filter filter = byName.get(name);
                    if (filter == null) {
                        out.bad(name, "unknown parameter " + name);
                        continue;
                    }
                    Violations found = new Violations();
                    Object v = filter.type().read(name, name, TextNode.valueOf(value), found);
                    out.addAsBadRequest(found);
                    if (v != null) {
                        values.put(filter, v);
                    }
                }
            }
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            out.bad("page", "page " + page + " of size " + size + " is past any list this API serves");
        }
        out.throwIfAny();
        return new ListParameters(page, size, sortAttribute, ascending, values);
    }

    private static int whole(String name, String value, int min, int max, Violations out, int fallback) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        out.bad(name, name + " must be a whole number from " + min + " to " + max);
        return fallback;
    }

    public int offset() {
        return page * size;
    }
}
