package io.carehub.commons.paging;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.carehub.commons.validation.JsonBodies;
import io.carehub.commons.validation.Types;
import io.carehub.commons.validation.Violations;
import io.carehub.commons.web.Timestamps;

/**
 * The parameters of a Find, from the query string ({@code GET /v1/<c>}) or from the body of Find by POST
 * (JSON or form), or of an export ({@code GET /v1/exports/<c>}, which also takes {@link #CSV_ESCAPE_FORMULAS}).
 * Unknown parameters and bad values are refused with {@code 400 bad_request}, all at once; so are names or
 * values that PostgreSQL could not store ({@link Types#unstorable}: NUL, unpaired surrogates), and a form body
 * with a malformed {@code %} escape.
 */
public final class FindParameters {

    public static final String FROM = "page[from]";
    public static final String TO = "page[to]";
    public static final String SIZE = "page[size]";
    public static final String AFTER = "page[after]";
    public static final String INCLUDE_DELETED = "include_deleted";
    /** Exports only: {@code false} writes cells as they are, for machine consumers (see {@code CsvExport}). */
    public static final String CSV_ESCAPE_FORMULAS = "csv_escape_formulas";

    private final PageRequest page;
    /** Filter values by filter (canonical) name, only those given. */
    private final Map<Filter, Object> filters;
    private final boolean includeDeleted;
    /** The filters as given (canonical names, text values), carried into the page links. */
    private final Map<String, String> filterText;
    private final boolean escapeFormulas;

    private FindParameters(PageRequest page, Map<Filter, Object> filters, boolean includeDeleted,
            Map<String, String> filterText, boolean escapeFormulas) {
        this.page = page;
        this.filters = filters;
        this.includeDeleted = includeDeleted;
        this.filterText = filterText;
        this.escapeFormulas = escapeFormulas;
    }

    /** The same Find continued after {@code after} in batches of {@code size} (exports walk a collection this way). */
    public FindParameters continuing(Cursor after, int size) {
        return new FindParameters(new PageRequest(page.from(), page.to(), size, after), filters, includeDeleted, filterText,
                escapeFormulas);
    }

    public PageRequest page() {
        return page;
    }

    public Map<Filter, Object> filters() {
        return filters;
    }

    public boolean includeDeleted() {
        return includeDeleted;
    }

    public Map<String, String> filterText() {
        return filterText;
    }

    /** An export's {@link #CSV_ESCAPE_FORMULAS}: true (the default) unless the caller asked for raw cells. */
    public boolean escapeFormulas() {
        return escapeFormulas;
    }

    /** From a query string's parameters; {@code deletable}: whether the collection has deletes. */
    public static FindParameters fromQuery(Map<String, List<String>> query, List<Filter> filters, boolean deletable) {
        return parse(query, filters, deletable, false);
    }

    /** From an export's query string: a Find's parameters and {@link #CSV_ESCAPE_FORMULAS}. */
    public static FindParameters forExport(Map<String, List<String>> query, List<Filter> filters, boolean deletable) {
        return parse(query, filters, deletable, true);
    }

    /** From the body of Find by POST: a JSON object or a form. */
    public static FindParameters fromBody(String body, String contentType, List<Filter> filters, boolean deletable) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            Violations malformed = new Violations();
            for (String pair : body == null ? new String[0] : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String rawName = eq < 0 ? pair : pair.substring(0, eq);
                String k = formDecoded(rawName);
                String v = eq < 0 ? "" : formDecoded(pair.substring(eq + 1));
                if (k == null || v == null) {
                    // The raw name: a malformed one cannot be decoded into anything better.
                    String where = k == null ? rawName : k;
                    malformed.bad(where, "the form field " + where + " has a malformed % escape (%XX, two hex digits)");
                    continue;
                }
                params.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
            malformed.throwIfAny();
        } else if (body != null && !body.isBlank()) {
            JsonNode json = JsonBodies.object(body);
            json.fields().forEachRemaining(e -> params.computeIfAbsent(e.getKey(), x -> new ArrayList<>())
                    .add(e.getValue().isValueNode() && !e.getValue().isNull() ? e.getValue().asText() : e.getValue().toString()));
        }
        return parse(params, filters, deletable, false);
    }

    /** A form-encoded name or value, decoded; null when its {@code %} escapes are malformed. */
    private static String formDecoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static FindParameters parse(Map<String, List<String>> params, List<Filter> filters, boolean deletable,
            boolean export) {
        Violations out = new Violations();
        Map<String, Filter> byName = new LinkedHashMap<>();
        for (Filter f : filters) {
            byName.put(f.name(), f);
            f.aliases().forEach(a -> byName.put(a, f));
        }
        Instant from = null;
        Instant to = null;
        int size = PageRequest.DEFAULT_SIZE;
        Cursor after = null;
        boolean includeDeleted = false;
        boolean escapeFormulas = true;
        Map<Filter, Object> values = new LinkedHashMap<>();
        Map<String, String> text = new LinkedHashMap<>();
        for (var entry : params.entrySet()) {
            String name = entry.getKey();
            List<String> given = entry.getValue();
            if (given.size() > 1) {
                out.bad(name, name + " may be given only once");
                continue;
            }
            String value = given.isEmpty() ? "" : given.get(0);
            String unstorable = Types.unstorable(name) != null ? Types.unstorable(name) : Types.unstorable(value);
            if (unstorable != null) {
                out.bad(name, name + unstorable);
                continue;
            }
            switch (name) {
                case FROM -> from = timestamp(name, value, out);
                case TO -> to = timestamp(name, value, out);
                case SIZE -> size = size(value, out);
                case AFTER -> {
                    after = Cursor.decode(value);
                    if (after == null) {
                        out.bad(name, "page[after] must be a cursor taken from a next link");
                    }
                }
                case INCLUDE_DELETED -> {
                    if (!deletable) {
                        out.bad(name, "unknown parameter include_deleted: this collection has no deletes");
                    } else if ("true".equals(value) || "false".equals(value)) {
                        includeDeleted = Boolean.parseBoolean(value);
                    } else {
                        out.bad(name, "include_deleted must be true or false");
                    }
                }
                case CSV_ESCAPE_FORMULAS -> {
                    if (!export) {
                        out.bad(name, "unknown parameter " + name + ": it is a parameter of exports");
                    } else if ("true".equals(value) || "false".equals(value)) {
                        escapeFormulas = Boolean.parseBoolean(value);
                    } else {
                        out.bad(name, name + " must be true or false");
                    }
                }
                default -> {
                    Filter filter = byName.get(name);
                    if (filter == null) {
                        out.bad(name, "unknown parameter " + name);
                    } else if (values.containsKey(filter)) {
                        out.bad(name, filter.name() + " may be given only once");
                    } else {
                        JsonNode node = filter.type() == Types.BOOLEAN && ("true".equals(value) || "false".equals(value))
                                ? BooleanNode.valueOf(Boolean.parseBoolean(value)) : TextNode.valueOf(value);
                        // In a query string every value is text: a wrong type is a bad parameter, not a parse error.
                        Violations found = new Violations();
                        Object v = filter.type().read(name, name, node, found);
                        out.addAsBadRequest(found);
                        if (v != null) {
                            values.put(filter, v);
                            text.put(filter.name(), value);
                        }
                    }
                }
            }
        }
        out.throwIfAny();
        return new FindParameters(new PageRequest(from, to, size, after), values, includeDeleted, text, escapeFormulas);
    }

    private static Instant timestamp(String name, String value, Violations out) {
        return Timestamps.parse(value).orElseGet(() -> {
            out.bad(name, name + " must be an ISO 8601 date and time from year 1 to 9999, e.g. 2018-09-12T01:27:32.024836+00:00");
            return null;
        });
    }

    private static int size(String value, Violations out) {
        try {
            int size = Integer.parseInt(value.strip());
            if (size >= 1 && size <= PageRequest.MAX_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        out.bad(SIZE, "page[size] must be a whole number from 1 to " + PageRequest.MAX_SIZE);
        return PageRequest.DEFAULT_SIZE;
    }
}
