package io.carehub.commons.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.web.Timestamps;

/** The field types of API.md §2 ("Types"), each a {@link FieldType}. */
public final class Types {

    private static final Pattern GUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern ZIP = Pattern.compile("^[0-9]{5}$");
    private static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    /** US states, DC and the territories (AS, GU, MP, PR, VI, UM) and the military "states" (AA, AE, AP). */
    private static final Set<String> STATES = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
            "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
            "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
            "DC", "AS", "GU", "MP", "PR", "VI", "UM", "AA", "AE", "AP");

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    /** The longest string a field takes unless its type says otherwise (characters, i.e. UTF-16 units). */
    public static final int MAX_LENGTH = 10_000;
    /** The most items a list field takes unless its type says otherwise. */
    public static final int MAX_ITEMS = 100;

    private Types() {
    }

    public static final FieldType STRING = string(MAX_LENGTH);

    /**
     * A string of at most {@code maxLength} characters. No string may hold NUL (U+0000): PostgreSQL's text
     * and jsonb refuse it, so it could never be stored.
     */
    public static FieldType string(int maxLength) {
        return described((path, name, v, out) -> {
            if (!v.isTextual()) {
                out.wrongType(path, name + " must be a string");
                return null;
            }
            String s = v.textValue();
            if (s.length() > maxLength) {
                out.bad(path, name + " must be at most " + maxLength + " characters long");
                return null;
            }
            String problem = unstorable(s);
            if (problem != null) {
                out.bad(path, name + problem);
                return null;
            }
            return s;
        }, () -> OASFactory.createSchema().type(List.of(SchemaType.STRING)).maxLength(maxLength));
    }

    /**
     * Why PostgreSQL could not store {@code s} as it is, or null: NUL (text and jsonb refuse it) or an
     * unpaired UTF-16 surrogate (a JSON {@code \\ud800} escape; it has no UTF-8 form and would be stored as {@code ?}).
     */
    public static String unstorable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0') {
                return " must not contain the NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return " must be Unicode text: it holds an unpaired surrogate (\\u" + Integer.toHexString(c) + ")";
            }
        }
        return null;
    }

    /** A string that must not be empty (required names, types, ...). */
    public static final FieldType NON_EMPTY_STRING = described((path, name, v, out) -> {
        Object s = STRING.read(path, name, v, out);
        if (s != null && ((String) s).isBlank()) {
            out.bad(path, name + " must not be empty");
            return null;
        }
        return s;
    }, () -> doc(SchemaType.STRING).minLength(1));

    public static final FieldType BOOLEAN = described((path, name, v, out) -> {
        if (!v.isBoolean()) {
            out.wrongType(path, name + " must be true or false");
            return null;
        }
        return v.booleanValue();
    }, () -> doc(SchemaType.BOOLEAN));

    /**
     * A JSON number (integer or not) that a double can hold ({@code 1e400} cannot: neither JSON consumers nor jsonb
     * take what it becomes), read as its exact decimal value.
     */
    public static final FieldType NUMBER = described((path, name, v, out) -> {
        if (!v.isNumber()) {
            out.wrongType(path, name + " must be a number");
            return null;
        }
        if (!Double.isFinite(v.doubleValue())) {
            out.bad(path, name + " must be a number between -1.7e308 and 1.7e308");
            return null;
        }
        return v.decimalValue();
    }, () -> doc(SchemaType.NUMBER).minimum(java.math.BigDecimal.valueOf(-Double.MAX_VALUE))
            .maximum(java.math.BigDecimal.valueOf(Double.MAX_VALUE)));

    public static final FieldType GUID_TYPE = described((path, name, v, out) -> {
        Object s = STRING.read(path, name, v, out);
        if (s == null) {
            return null;
        }
        UUID id = parseGuid((String) s);
        if (id == null) {
            out.bad(path, name + " must be a GUID, e.g. 0d5de756-cdda-4cc0-9cae-8a3c1e3b8d0b");
        }
        return id;
    }, () -> doc(SchemaType.STRING).format("uuid").example("0d5de756-cdda-4cc0-9cae-8a3c1e3b8d0b"));

    public static final FieldType ISO_DATETIME = described((path, name, v, out) -> {
        Object s = STRING.read(path, name, v, out);
        if (s == null) {
            return null;
        }
        return Timestamps.parse((String) s).orElseGet(() -> {
            out.bad(path, name + " must be an ISO 8601 date and time, e.g. 2018-09-12T01:27:32.024836+00:00");
            return null;
        });
    }, () -> doc(SchemaType.STRING).format("date-time").example("2018-09-12T01:27:32.024836+00:00"));

    public static final FieldType ISO_DATE = described((path, name, v, out) -> {
        Object s = STRING.read(path, name, v, out);
        if (s == null) {
            return null;
        }
        LocalDate date = parseDate((String) s);
        if (date == null) {
            out.bad(path, name + " must be an ISO date, e.g. 1906-12-09");
        }
        return date;
    }, () -> doc(SchemaType.STRING).format("date").example("1906-12-09"));

    /** A US number without country code, stored and returned as {@code 555-555-1234}. */
    public static final FieldType PHONE = described((path, name, v, out) -> {
        Object s = STRING.read(path, name, v, out);
        if (s == null) {
            return null;
        }
        String phone = normalisePhone((String) s);
        if (phone == null) {
            out.bad(path, name + " must be a US phone number without country code, e.g. 555-555-1234");
        }
        return phone;
    }, () -> doc(SchemaType.STRING).description("a US number without country code; 5555551234 and (555) 555-1234 are read as 555-555-1234").example("555-555-1234"));

    public static final FieldType EMAIL = described((path, name, v, out) -> {
        Object s = STRING.read(path, name, v, out);
        if (s == null) {
            return null;
        }
        String email = (String) s;
        int at = email.indexOf('@');
        if (at < 0 || email.indexOf('@', at + 1) >= 0) {
            out.bad(path, name + " must be an email address containing one @");
            return null;
        }
        return email;
    }, () -> doc(SchemaType.STRING).description("any text with one @").example("grace@example.com"));

    public static final FieldType TIMEZONE = described((path, name, v, out) -> {
        Object s = STRING.read(path, name, v, out);
        if (s == null) {
            return null;
        }
        if (!isTimezone((String) s)) {
            out.bad(path, name + " must be an IANA time zone, e.g. US/Pacific");
            return null;
        }
        return s;
    }, () -> doc(SchemaType.STRING).description("an IANA time zone id").example("US/Pacific"));

    public static final FieldType STATE = described((path, name, v, out) -> {
        Object s = STRING.read(path, name, v, out);
        if (s == null) {
            return null;
        }
        if (!STATES.contains((String) s)) {
            out.bad(path, name + " must be a two-letter US state or territory code, e.g. CA");
            return null;
        }
        return s;
    }, () -> doc(SchemaType.STRING).enumeration(new java.util.ArrayList<>(new java.util.TreeSet<>(STATES))));

    public static final FieldType ZIP_CODE = described((path, name, v, out) -> {
        Object s = STRING.read(path, name, v, out);
        if (s == null) {
            return null;
        }
        if (!ZIP.matcher((String) s).matches()) {
            out.bad(path, name + " must be five digits, e.g. 94110");
            return null;
        }
        return s;
    }, () -> doc(SchemaType.STRING).pattern("^[0-9]{5}$").example("94110"));

    /**
     * Any JSON object, kept as the JsonNode. Its size and depth are bounded by the body's (1 MiB,
     * {@link JsonBodies#MAX_DEPTH} levels); no string or name in it may hold NUL, which jsonb refuses.
     */
    public static final FieldType JSON_OBJECT = described((path, name, v, out) -> {
        if (!v.isObject()) {
            out.wrongType(path, name + " must be a JSON object");
            return null;
        }
        var unstorable = unstorableAt(path, v);
        if (unstorable != null) {
            out.bad(unstorable.getKey(), name + unstorable.getValue());
            return null;
        }
        return v;
    }, () -> doc(SchemaType.OBJECT).additionalPropertiesBoolean(true)
            .description("any JSON object, at most " + JsonBodies.MAX_DEPTH + " levels deep"));

    /**
     * A string of at most {@code maxLength} characters matching {@code pattern} (names that paths and JSON members are
     * made of); one that does not is refused with {@code name + " " + rule}.
     */
    public static FieldType matching(Pattern pattern, int maxLength, String rule) {
        FieldType string = string(maxLength);
        return described((path, name, v, out) -> {
            Object s = string.read(path, name, v, out);
            if (s != null && !pattern.matcher((String) s).matches()) {
                out.bad(path, name + " " + rule);
                return null;
            }
            return s;
        }, () -> string.openApi().pattern(pattern.pattern()));
    }

    public static final FieldType STRING_LIST = listOf(STRING);

    public static FieldType enumOf(String... values) {
        Set<String> allowed = new LinkedHashSet<>(List.of(values));
        String list = String.join(", ", values);
        return described((path, name, v, out) -> {
            Object s = STRING.read(path, name, v, out);
            if (s == null) {
                return null;
            }
            if (!allowed.contains((String) s)) {
                out.bad(path, name + " must be one of " + list);
                return null;
            }
            return s;
        }, () -> doc(SchemaType.STRING).enumeration(List.of((Object[]) values)));
    }

    /** A list of at most {@link #MAX_ITEMS} items. */
    public static FieldType listOf(FieldType element) {
        return listOf(element, MAX_ITEMS);
    }

    /** A list of at most {@code maxItems} items, none null. */
    public static FieldType listOf(FieldType element, int maxItems) {
        return described((path, name, v, out) -> {
            if (!v.isArray()) {
                out.wrongType(path, name + " must be a list");
                return null;
            }
            // Refused whole, before any item is read: a long list is one error, not one per item.
            if (v.size() > maxItems) {
                out.bad(path, name + " must have at most " + maxItems + " items");
                return null;
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode item = v.get(i);
                String itemPath = path + "[" + i + "]";
                if (item.isNull()) {
                    out.bad(itemPath, name + " must not contain null");
                } else {
                    values.add(element.read(itemPath, name + "[" + i + "]", item, out));
                }
            }
            return values;
        }, () -> doc(SchemaType.ARRAY).items(element.openApi()).maxItems(maxItems));
    }

    /**
     * A non-empty list of {@code element}s in which a repeated item counts once (the first's place kept): scopes, a
     * client's environments, a subscription's collections. An empty list is refused with {@code name + " " + whenEmpty}.
     */
    public static FieldType distinctListOf(FieldType element, String whenEmpty) {
        FieldType list = listOf(element);
        return described((path, name, v, out) -> {
            if (!(list.read(path, name, v, out) instanceof List<?> items)) {
                return null;
            }
            if (v.isEmpty()) {
                out.bad(path, name + " " + whenEmpty);
                return null;
            }
            return new ArrayList<>(new LinkedHashSet<>(items));
        }, () -> list.openApi().minItems(1));
    }

    /** A nested object checked against its own schema; read as its {@link Fields}. */
    public static FieldType object(Schema schema) {
        return described((path, name, v, out) -> {
            if (!v.isObject()) {
                out.wrongType(path, name + " must be a JSON object");
                return null;
            }
            return schema.read(path, v, Schema.Mode.CREATE, out);
        }, () -> schema.openApi(Schema.Mode.CREATE));
    }

    /** A type that reads with {@code reader} and is documented as {@code doc} gives. */
    public static FieldType described(FieldType reader, Supplier<org.eclipse.microprofile.openapi.models.media.Schema> doc) {
        return new FieldType() {
            @Override
            public Object read(String path, String name, JsonNode value, Violations violations) {
                return reader.read(path, name, value, violations);
            }

            @Override
            public org.eclipse.microprofile.openapi.models.media.Schema openApi() {
                return doc.get();
            }
        };
    }

    /** Every string type is read through {@link #STRING}, so it is documented with its bound. */
    private static org.eclipse.microprofile.openapi.models.media.Schema doc(SchemaType type) {
        var doc = OASFactory.createSchema().type(List.of(type));
        return type == SchemaType.STRING ? doc.maxLength(MAX_LENGTH) : doc;
    }

    /** The path and problem of the first string or field name in {@code node} that cannot be stored, or null. */
    static java.util.Map.Entry<String, String> unstorableAt(String path, JsonNode node) {
        // Iterative, though the body's depth is bounded anyway: no recursion on client-controlled input.
        java.util.ArrayDeque<java.util.Map.Entry<String, JsonNode>> todo = new java.util.ArrayDeque<>();
        todo.push(java.util.Map.entry(path, node));
        while (!todo.isEmpty()) {
            var next = todo.pop();
            JsonNode n = next.getValue();
            String problem = n.isTextual() ? unstorable(n.textValue()) : null;
            if (problem != null) {
                return java.util.Map.entry(next.getKey(), problem);
            }
            if (n.isObject()) {
                var fields = n.fields();
                while (fields.hasNext()) {
                    var field = fields.next();
                    String inName = unstorable(field.getKey());
                    if (inName != null) {
                        return java.util.Map.entry(next.getKey(), inName + " in a field name");
                    }
                    todo.push(java.util.Map.entry(next.getKey() + "." + field.getKey(), field.getValue()));
                }
            } else if (n.isArray()) {
                for (int i = 0; i < n.size(); i++) {
                    todo.push(java.util.Map.entry(next.getKey() + "[" + i + "]", n.get(i)));
                }
            }
        }
        return null;
    }

    public static UUID parseGuid(String s) {
        if (s == null || !GUID.matcher(s).matches()) {
            return null;
        }
        return UUID.fromString(s);
    }

    /** A real calendar date of years 1 to 9999 (as timestamps: PostgreSQL's date fails on years before 4713 BC). */
    public static LocalDate parseDate(String s) {
        try {
            LocalDate date = LocalDate.parse(s, DATE_FORMAT);
            return date.getYear() >= 1 && date.getYear() <= 9999 ? date : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    public static boolean isTimezone(String s) {
        return ZONES.contains(s);
    }

    /** {@code 5555551234}, {@code (555) 555-1234}, {@code 555.555.1234}, {@code 555-555-1234} → {@code 555-555-1234}. */
    public static String normalisePhone(String s) {
        if (!s.matches("^[0-9()\\-. ]+$")) {
            return null;
        }
        String digits = s.replaceAll("[^0-9]", "");
        if (digits.length() != 10) {
            return null;
        }
        return digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6);
    }
}
