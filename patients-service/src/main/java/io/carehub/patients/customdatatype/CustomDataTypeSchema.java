package io.carehub.patients.customdatatype;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.typed.TypedFields;

/**
 * What a record of a defined custom data type must be (API-CORE.md §C6): the fields of the current version of its
 * definition, and whether the type is {@code single}.
 */
public record CustomDataTypeSchema(String name, int version, boolean single, TypedFields fields) {

    static CustomDataTypeSchema of(CustomDataType type) {
        return new CustomDataTypeSchema(type.name, type.version, type.single(), TypedFields.of(type.fields));
    }

    /** {@code body} checked whole ({@link TypedFields#check}), errors at {@code path} + the field's. */
    public ObjectNode check(JsonNode body, String path) {
        return fields.check(body, path, true, name + " version " + version);
    }
}
