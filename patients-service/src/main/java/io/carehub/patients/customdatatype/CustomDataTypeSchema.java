package io.carehub.patients.customdatatype;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.validation.Violations;

/**
 * What a record of a defined custom data type must be (API-CORE.md §C6): the fields of one version of its definition.
 * {@link #check} reads a record's flat body {@code {fieldName: value}} against them: type, {@code required},
 * {@code options}, {@code min}/{@code max}, unknown fields, each error at its field's path.
 */
public record CustomDataTypeSchema(String name, int version, boolean single, List<CustomField> fields) {

    static CustomDataTypeSchema of(CustomDataType type) {
        return new CustomDataTypeSchema(type.name, type.version, type.single(), CustomField.listFromJson(type.fields));
    }

    /**
     * {@code body} checked whole (every required field present): the record's fields to store, normalised, in the order
     * sent, a null member left out; or an {@code ApiException} listing every error, each at {@code path + "." + field}
     * ({@code .body.dose} on the v1 face, {@code .dose} on the core face).
     */
    public ObjectNode check(JsonNode body, String path) {
        Map<String, CustomField> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        Violations out = new Violations();
        ObjectNode checked = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
            var member = it.next();
            String fieldPath = path + "." + member.getKey();
            CustomField field = byName.get(member.getKey());
            if (field == null) {
                out.bad(fieldPath, "unknown field " + member.getKey() + ": " + name + " version " + version + " has "
                        + (byName.isEmpty() ? "no fields" : String.join(", ", byName.keySet())));
            } else if (!member.getValue().isNull()) {
                JsonNode value = field.read(fieldPath, member.getValue(), out);
                if (value != null) {
                    checked.set(field.name(), value);
                }
            }
        }
        for (CustomField field : fields) {
            if (field.required() && !body.hasNonNull(field.name())) {
                out.bad(path + "." + field.name(), field.name() + " is required");
            }
        }
        out.throwIfAny();
        return checked;
    }

    /**
     * A record's stored fields with a JSON merge patch (RFC 7396) applied: members of {@code patch} replace the
     * stored ones, a member set to null removes one, the rest stay. What the result must be is then {@link #check}ed.
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
