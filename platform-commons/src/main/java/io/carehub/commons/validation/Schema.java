package io.carehub.commons.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.errors.ApiException;

/**
 * The fields a collection accepts, checked the same way everywhere (API.md §2, "Validation and errors"):
 * unknown field, missing required field (null counts as missing), wrong JSON type, value outside its
 * type, field not updatable. Every error is collected, each naming its field by path.
 */
public final class Schema {

    public enum Mode { CREATE, UPDATE }

    private final Map<String, Field> fields = new LinkedHashMap<>();

    private Schema(Field... fields) {
        for (Field f : fields) {
            this.fields.put(f.name(), f);
        }
    }

    public static Schema of(Field... fields) {
        return new Schema(fields);
    }

    /**
     * The fields of this schema that {@code names} names, each under its new name ({@code names}: this schema's name →
     * the new one), with their types and rules: how the core face (API-CORE.md §C4) accepts a collection's fields in
     * camelCase, with every error at its camelCase path ({@code .birthDate}).
     */
    public Schema renamed(Map<String, String> names) {
        List<Field> renamed = new ArrayList<>();
        for (var name : names.entrySet()) {
            Field field = fields.get(name.getKey());
            if (field == null) {
                throw new IllegalArgumentException("no field " + name.getKey());
            }
            renamed.add(new Field(name.getValue(), field.type(), field.mandatory(), field.updatable()));
        }
        return new Schema(renamed.toArray(Field[]::new));
    }

    /** The same fields, {@code field} in place of the one of its name (a core face's own enum values, say). */
    public Schema with(Field field) {
        if (!fields.containsKey(field.name())) {
            throw new IllegalArgumentException("no field " + field.name());
        }
        Schema copy = new Schema();
        fields.values().forEach(f -> copy.fields.put(f.name(), f.name().equals(field.name()) ? field : f));
        return copy;
    }

    /** Checks a Create body; throws an {@link ApiException} listing every error. */
    public Fields create(JsonNode body) {
        return checked(body, Mode.CREATE);
    }

    /** Checks an Update body; throws an {@link ApiException} listing every error. */
    public Fields update(JsonNode body) {
        return checked(body, Mode.UPDATE);
    }

    private Fields checked(JsonNode body, Mode mode) {
        Violations violations = new Violations();
        Fields fields = read("", body, mode, violations);
        violations.throwIfAny();
        return fields;
    }

    /**
     * This schema as an OpenAPI object schema: for Create, every field and which are required; for Update,
     * the fields that may be changed (none required: fields left out keep their value).
     */
    public org.eclipse.microprofile.openapi.models.media.Schema openApi(Mode mode) {
        var doc = OASFactory.createSchema().type(List.of(SchemaType.OBJECT)).additionalPropertiesBoolean(false);
        List<String> required = new ArrayList<>();
        for (Field field : fields.values()) {
            if (mode == Mode.UPDATE && !field.updatable()) {
                continue;
            }
            doc.addProperty(field.name(), field.type().openApi());
            if (mode == Mode.CREATE && field.mandatory()) {
                required.add(field.name());
            }
        }
        if (!required.isEmpty()) {
            doc.required(required);
        }
        return doc;
    }

    /** Reads an object at {@code path}, adding what is wrong to {@code out}. */
    public Fields read(String path, JsonNode body, Mode mode, Violations out) {
        Map<String, Object> values = new LinkedHashMap<>();
        var names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            String fieldPath = path + "." + name;
            Field field = fields.get(name);
            if (field == null) {
                out.bad(fieldPath, "unknown field " + name);
                continue;
            }
            if (mode == Mode.UPDATE && !field.updatable()) {
                out.bad(fieldPath, name + " cannot be updated");
                continue;
            }
            JsonNode value = body.get(name);
            if (value.isNull()) {
                if (mode == Mode.UPDATE && field.mandatory()) {
                    out.bad(fieldPath, name + " is required and cannot be cleared");
                } else if (mode == Mode.CREATE && field.mandatory()) {
                    out.bad(fieldPath, name + " is required");
                } else {
                    values.put(name, null);
                }
                continue;
            }
            values.put(name, field.type().read(fieldPath, name, value, out));
        }
        if (mode == Mode.CREATE) {
            for (Field field : fields.values()) {
                if (field.mandatory() && !body.has(field.name())) {
                    out.bad(path + "." + field.name(), field.name() + " is required");
                }
            }
        }
        return new Fields(values);
    }
}
