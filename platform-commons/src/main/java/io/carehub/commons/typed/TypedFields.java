package io.carehub.commons.typed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.FieldType;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;
import io.carehub.commons.validation.Violations;

/**
 * Schema-first data (API-CORE.md §C6): the typed fields of one version of a definition (a custom data type's
 * {@code fields}, a form's {@code questions}), how a definition's list of them is checked ({@link #definition}), and how
 * a flat body {@code {fieldName: value}} is checked against them ({@link #check}): type, {@code required},
 * {@code options}, {@code min}/{@code max}, unknown fields, each error at its field's path. The one way every service
 * does it.
 */
public final class TypedFields {

    /** The most fields one definition has. */
    public static final int MAX_FIELDS = 100;

    /** A field's name: a letter or underscore, then letters, digits and underscores (a JSON member and a path segment). */
    static final FieldType FIELD_NAME = Types.matching(Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,63}$"), 64,
            "must be 1 to 64 letters, digits and underscores, not starting with a digit, e.g. systolic");

    /** One field's definition, as a request states it. */
    public static final Schema FIELD = Schema.of(
            Field.of("name", FIELD_NAME).required(),
            Field.of("type", Types.enumOf(TypedField.TYPES.toArray(String[]::new))).required(),
            Field.of("required", Types.BOOLEAN),
            Field.of("multiple", Types.BOOLEAN),
            Field.of("options", Types.listOf(Types.NON_EMPTY_STRING)),
            Field.of("min", Types.NUMBER),
            Field.of("max", Types.NUMBER),
            Field.of("phi", Types.BOOLEAN));

    /** A definition's list of fields, as a request states it (each checked by {@link #FIELD}). */
    public static final FieldType LIST = Types.listOf(Types.object(FIELD), MAX_FIELDS);

    private final List<TypedField> fields;

    private TypedFields(List<TypedField> fields) {
        this.fields = List.copyOf(fields);
    }

    /** The fields of a stored definition (a JSON list each of whose items {@link TypedField#toJson} wrote). */
    public static TypedFields of(JsonNode stored) {
        return new TypedFields(TypedField.listFromJson(stored));
    }

    public List<TypedField> list() {
        return fields;
    }

    /** As shown and compared ({@link TypedField#canonical}). */
    public JsonNode canonical() {
        return TypedField.canonical(fields);
    }

    /**
     * The list {@code name} of a valid definition body (read by {@link #LIST}) as stored, after the rules between
     * members that the schema cannot state: names unique, {@code options} exactly for {@code select} fields,
     * {@code min}/{@code max} only for numbers and text (a text's whole and not negative) and not crossed. Every error
     * at its path ({@code .fields[2].options}); an {@code ApiException} lists them.
     */
    public static JsonNode definition(String name, List<Fields> fields) {
        Violations out = new Violations();
        List<TypedField> stored = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            Fields f = fields.get(i);
            String at = "." + name + "[" + i + "]";
            String fieldName = f.string("name");
            String type = f.string("type");
            Integer first = seen.putIfAbsent(fieldName, i);
            if (first != null) {
                out.bad(at + ".name", name + "[" + i + "].name repeats " + name + "[" + first + "].name, " + fieldName);
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
                if (!TypedField.BOUNDED.contains(type)) {
                    out.bad(at + "." + bound, bound + " applies to text, textarea, integer and float fields only");
                } else if (TypedField.LENGTH_BOUNDED.contains(type) && !isWholeAndNotNegative(value)) {
                    out.bad(at + "." + bound, bound + " of a " + type + " field is a length: a whole number, 0 or more");
                }
            }
            if (min != null && max != null && max.compareTo(min) < 0) {
                out.bad(at + ".max", "max must not be less than min");
            }
            stored.add(new TypedField(fieldName, type, f.bool("required", false), f.bool("multiple", false), options, min,
                    max, f.bool("phi", false)));
        }
        out.throwIfAny();
        return TypedField.canonical(stored);
    }

    private static boolean isWholeAndNotNegative(BigDecimal n) {
        return n.signum() >= 0 && n.stripTrailingZeros().scale() <= 0;
    }

    /**
     * {@code body} checked against these fields: what to store, normalised, in the order sent, a null member left out;
     * or an {@code ApiException} listing every error, each at {@code path + "." + field} ({@code .body.dose} on the v1
     * face, {@code .dose} on the core face). {@code whole}: every required field must be present (a partial body, e.g.
     * an assessment still in progress, is checked field by field only). {@code what} names the definition in an
     * unknown field's error ("blood_pressure version 2").
     */
    public ObjectNode check(JsonNode body, String path, boolean whole, String what) {
        Map<String, TypedField> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        Violations out = new Violations();
        ObjectNode checked = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
            var member = it.next();
            String fieldPath = path + "." + member.getKey();
            TypedField field = byName.get(member.getKey());
            if (field == null) {
                out.bad(fieldPath, "unknown field " + member.getKey() + ": " + what + " has "
                        + (byName.isEmpty() ? "no fields" : String.join(", ", byName.keySet())));
            } else if (!member.getValue().isNull()) {
                JsonNode value = field.read(fieldPath, member.getValue(), out);
                if (value != null) {
                    checked.set(field.name(), value);
                }
            }
        }
        if (whole) {
            for (TypedField field : fields) {
                if (field.required() && !body.hasNonNull(field.name())) {
                    out.bad(path + "." + field.name(), field.name() + " is required");
                }
            }
        }
        out.throwIfAny();
        return checked;
    }

    /**
     * Stored fields with a JSON merge patch (RFC 7396) applied: members of {@code patch} replace the stored ones, a
     * member set to null removes one, the rest stay. What the result must be is then {@link #check}ed.
     */
    public static ObjectNode merged(JsonNode stored, JsonNode patch) {
        ObjectNode merged = stored.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            var member = it.next();
            if (member.getValue().isNull()) {
                merged.remove(member.getKey());
            } else {
                merged.set(member.getKey(), member.getValue());
            }
        }
        return merged;
    }
}
