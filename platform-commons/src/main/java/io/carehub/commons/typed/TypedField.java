package io.carehub.commons.typed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.carehub.commons.validation.FieldType;
import io.carehub.commons.validation.Types;
import io.carehub.commons.validation.Violations;

/**
 * One typed field of a schema-first definition (API-CORE.md §C6: a custom data type's fields, a form's questions):
 * {@code {name, type, required, multiple, options, min, max, phi}}, and how a value for it is checked ({@link #read}). {@code min}/{@code max} bound an {@code integer}'s or a
 * {@code float}'s value and a {@code text}'s or {@code textarea}'s length; with {@code multiple} the value is a list,
 * each item checked so.
 */
public record TypedField(String name, String type, boolean required, boolean multiple, List<String> options,
        BigDecimal min, BigDecimal max, boolean phi) {

    public static final List<String> TYPES = List.of("text", "textarea", "integer", "float", "boolean", "date", "datetime",
            "select", "email", "phone", "uuid", "object");
    /** The types {@code min} and {@code max} apply to: numbers (their value) and text (its length). */
    public static final Set<String> BOUNDED = Set.of("text", "textarea", "integer", "float");
    public static final Set<String> LENGTH_BOUNDED = Set.of("text", "textarea");
    /** The longest textarea value (characters); a text takes {@link Types#MAX_LENGTH}. */
    public static final int TEXTAREA_MAX_LENGTH = 100_000;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A stored definition's field (every member present, as {@link #toJson} wrote it). */
    public static TypedField fromJson(JsonNode f) {
        List<String> options = new ArrayList<>();
        f.path("options").forEach(o -> options.add(o.textValue()));
        return new TypedField(f.get("name").textValue(), f.get("type").textValue(), f.path("required").booleanValue(),
                f.path("multiple").booleanValue(), f.path("options").isArray() ? List.copyOf(options) : null,
                f.path("min").isNumber() ? f.get("min").decimalValue() : null,
                f.path("max").isNumber() ? f.get("max").decimalValue() : null, f.path("phi").booleanValue());
    }

    public static List<TypedField> listFromJson(JsonNode fields) {
        List<TypedField> list = new ArrayList<>();
        fields.forEach(f -> list.add(fromJson(f)));
        return list;
    }

    /**
     * {@code fields} as they are shown and compared: every member of each in the order of {@link #toJson}, numbers as
     * a parser reads their text (jsonb keeps neither the members' order nor the form a number was written in).
     */
    public static JsonNode canonical(List<TypedField> fields) {
        ArrayNode list = JSON.arrayNode();
        fields.forEach(f -> list.add(f.toJson()));
        try {
            return READER.readTree(list.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper READER = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The field as stored and shown: every member, null where unset. */
    public ObjectNode toJson() {
        ObjectNode f = JSON.objectNode().put("name", name).put("type", type).put("required", required)
                .put("multiple", multiple);
        if (options == null) {
            f.putNull("options");
        } else {
            options.forEach(f.putArray("options")::add);
        }
        f.put("min", min).put("max", max).put("phi", phi);
        return f;
    }

    /**
     * A record's non-null value for this field, checked: the value to store (normalised as its type says: a phone as
     * {@code 555-555-1234}, a uuid in lowercase), or null after reporting what is wrong at {@code path}.
     */
    public JsonNode read(String path, JsonNode value, Violations out) {
        if (!multiple) {
            return readOne(path, name, value, out);
        }
        if (!value.isArray()) {
            out.wrongType(path, name + " must be a list");
            return null;
        }
        if (value.size() > Types.MAX_ITEMS) {
            out.bad(path, name + " must have at most " + Types.MAX_ITEMS + " items");
            return null;
        }
        ArrayNode items = JSON.arrayNode();
        boolean ok = true;
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = path + "[" + i + "]";
            if (item.isNull()) {
                out.bad(itemPath, name + " must not contain null");
                ok = false;
                continue;
            }
            JsonNode read = readOne(itemPath, name + "[" + i + "]", item, out);
            ok &= read != null;
            items.add(read);
        }
        return ok ? items : null;
    }

    private JsonNode readOne(String path, String label, JsonNode value, Violations out) {
        int errors = out.errors().size();
        Object read = valueType().read(path, label, value, out);
        if (read == null || out.errors().size() > errors) {
            return null;
        }
        if (!withinBounds(path, label, value, read, out)) {
            return null;
        }
        return switch (type) {
            case "phone" -> TextNode.valueOf((String) read);
            case "uuid" -> TextNode.valueOf(((UUID) read).toString());
            default -> value;
        };
    }

    private FieldType valueType() {
        return switch (type) {
            case "text" -> Types.STRING;
            case "textarea" -> Types.string(TEXTAREA_MAX_LENGTH);
            case "integer" -> INTEGER;
            case "float" -> Types.NUMBER;
            case "boolean" -> Types.BOOLEAN;
            case "date" -> Types.ISO_DATE;
            case "datetime" -> Types.ISO_DATETIME;
            case "select" -> Types.enumOf(options.toArray(String[]::new));
            case "email" -> Types.EMAIL;
            case "phone" -> Types.PHONE;
            case "uuid" -> Types.GUID_TYPE;
            case "object" -> Types.JSON_OBJECT;
            default -> throw new IllegalStateException("a stored field of unknown type " + type);
        };
    }

    private boolean withinBounds(String path, String label, JsonNode value, Object read, Violations out) {
        if (min == null && max == null || !BOUNDED.contains(type)) {
            return true;
        }
        boolean length = LENGTH_BOUNDED.contains(type);
        BigDecimal measured = length ? BigDecimal.valueOf(((String) read).codePointCount(0, ((String) read).length()))
                : value.decimalValue();
        String what = length ? " characters long" : "";
        if (min != null && measured.compareTo(min) < 0) {
            out.bad(path, label + " must be at least " + min.toPlainString() + what);
            return false;
        }
        if (max != null && measured.compareTo(max) > 0) {
            out.bad(path, label + " must be at most " + max.toPlainString() + what);
            return false;
        }
        return true;
    }

    /** A whole number that fits in 64 bits ({@code 3}, not {@code 3.0} or {@code "3"}). */
    public static final FieldType INTEGER = Types.described((path, name, v, out) -> {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            out.wrongType(path, name + " must be a whole number");
            return null;
        }
        return v.longValue();
    }, () -> org.eclipse.microprofile.openapi.OASFactory.createSchema()
            .type(List.of(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER)));
}
