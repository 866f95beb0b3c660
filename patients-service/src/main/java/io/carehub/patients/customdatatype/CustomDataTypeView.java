package io.carehub.patients.customdatatype;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** A custom data type definition on the v1 face (API-CORE.md §C6, snake_case). */
public record CustomDataTypeView(String id, String name, String title, String cardinality, JsonNode fields, int version,
        Instant createdAt, Instant updatedAt) {

    public static CustomDataTypeView of(CustomDataType t) {
        return new CustomDataTypeView(t.id.toString(), t.name, t.title, t.cardinality, t.fieldsInOrder(), t.version, t.createdAt,
                t.updatedAt);
    }
}
