package io.carehub.patients.customdatatype;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A custom data type definition on the core face (API-CORE.md §C6, camelCase). */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record CustomDataTypeCoreView(String id, String name, String title, String cardinality, JsonNode fields,
        int version, Instant createdAt, Instant updatedAt) {

    public static CustomDataTypeCoreView of(CustomDataType t) {
        return new CustomDataTypeCoreView(t.id.toString(), t.name, t.title, t.cardinality, t.fieldsInOrder(), t.version,
                t.createdAt, t.updatedAt);
    }
}
