package io.carehub.patients.customdatatype;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.FieldType;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;
import io.carehub.commons.validation.Violations;

/** What a custom data type definition request may hold (API-CORE.md §C6), and how it is applied to a definition. */
public final class CustomDataTypeFields {

    public static final String COLLECTION = "custom_data_types";
    static final String SINGLE = "single";
    static final String MULTIPLE = "multiple";
    static final int MAX_FIELDS = 100;

    /** A type's name: lowercase letters, digits and underscores, as records' {@code type_name} and core paths name it. */
    public static final FieldType NAME = Types.matching(Pattern.compile("^[a-z0-9_]{1,64}$"), 64,
            "must be 1 to 64 lowercase letters, digits and underscores, e.g. blood_pressure");
    /** A field's name: a letter or underscore, then letters, digits and underscores (a JSON member and a path segment). */
    static final FieldType FIELD_NAME = Types.matching(Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,63}$"), 64,
            "must be 1 to 64 letters, digits and underscores, not starting with a digit, e.g. systolic");

    private static final Schema FIELD = Schema.of(
            Field.of("name", FIELD_NAME).required(),
            Field.of("type", Types.enumOf(CustomField.TYPES.toArray(String[]::new))).required(),
            Field.of("required", Types.BOOLEAN),
            Field.of("multiple", Types.BOOLEAN),
            Field.of("options", Types.listOf(Types.NON_EMPTY_STRING)),
            Field.of("min", Types.NUMBER),
            Field.of("max", Types.NUMBER),
            Field.of("phi", Types.BOOLEAN));

    static final Schema SCHEMA = Schema.of(
            Field.of("name", NAME).required().createOnly(),
            Field.of("title", Types.STRING),
            Field.of("cardinality", Types.enumOf(SINGLE, MULTIPLE)),
            Field.of("fields", Types.listOf(Types.object(FIELD), MAX_FIELDS)).required());

    static final List<Filter> FILTERS = List.of(Filter.of("name", Types.NON_EMPTY_STRING, "name"));

    /** The core face's names (API-CORE.md §C4): the same words. */
    static final Map<String, String> CORE_NAMES = coreNames();
    static final List<Filter> CORE_FILTERS = FILTERS;
    static final Map<String, String> CORE_SORTABLE = Map.of("name", "name");

    /** The columns of the export, in a stable order: new ones are appended, never reordered. */
    static final List<String> COLUMNS = List.of("id", "name", "title", "cardinality", "fields", "version", "created_at",
            "updated_at");

    private CustomDataTypeFields() {
    }

    private static Map<String, String> coreNames() {
        Map<String, String> names = new LinkedHashMap<>();
        List.of("name", "title", "cardinality", "fields").forEach(n -> names.put(n, n));
        return names;
    }

    static void apply(Fields fields, CustomDataType type) {
        if (fields.has("name")) {
            type.name = fields.string("name");
        }
        if (fields.has("title")) {
            type.title = fields.string("title");
        }
        if (fields.has("cardinality")) {
            type.cardinality = fields.string("cardinality") == null ? MULTIPLE : fields.string("cardinality");
        }
    }

    /**
     * The {@code fields} of a valid body as stored (every member of each, defaults filled in), after the rules between
     * members that the schema cannot state: names unique, {@code options} exactly for {@code select} fields,
     * {@code min}/{@code max} only for numbers and text (a text's whole and not negative) and not crossed. Every
     * error at its path ({@code .fields[2].options}); an {@code ApiException} lists them.
     */
    static JsonNode checkedFields(List<Fields> fields) {
        Violations out = new Violations();
        List<CustomField> stored = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            Fields f = fields.get(i);
            String at = ".fields[" + i + "]";
            String name = f.string("name");
            String type = f.string("type");
            Integer first = seen.putIfAbsent(name, i);
            if (first != null) {
                out.bad(at + ".name", "fields[" + i + "].name repeats fields[" + first + "].name, " + name);
            }
            List<String> options = f.get("options") == null ? null : List.copyOf(new LinkedHashSet<>(f.<String>list("options")));
            if ("select".equals(type) && (options == null || options.isEmpty())) {
                out.bad(at + ".options", "a select field needs options, the values it may take");
            } else if (!"select".equals(type) && options != null) {
                out.bad(at + ".options", "only a select field has options");
            }
            BigDecimal min = (BigDecimal) f.get("min");
            BigDecimal max = (BigDecimal) f.get("max");
            for (String bound : List.of("min", "max")) {
                BigDecimal value = (BigDecimal) f.get(bound);
                if (value == null) {
                    continue;
                }
                if (!CustomField.BOUNDED.contains(type)) {
                    out.bad(at + "." + bound, bound + " applies to text, textarea, integer and float fields only");
                } else if (CustomField.LENGTH_BOUNDED.contains(type) && !isWholeAndNotNegative(value)) {
                    out.bad(at + "." + bound, bound + " of a " + type + " field is a length: a whole number, 0 or more");
                }
            }
            if (min != null && max != null && max.compareTo(min) < 0) {
                out.bad(at + ".max", "max must not be less than min");
            }
            stored.add(new CustomField(name, type, f.bool("required", false), f.bool("multiple", false), options, min, max,
                    f.bool("phi", false)));
        }
        out.throwIfAny();
        return CustomField.canonical(stored);
    }

    private static boolean isWholeAndNotNegative(BigDecimal n) {
        return n.signum() >= 0 && n.stripTrailingZeros().scale() <= 0;
    }

    static List<Object> row(CustomDataType t) {
        return Arrays.asList(t.id, t.name, t.title, t.cardinality, t.fieldsInOrder().toString(), t.version, t.createdAt, t.updatedAt);
    }
}
