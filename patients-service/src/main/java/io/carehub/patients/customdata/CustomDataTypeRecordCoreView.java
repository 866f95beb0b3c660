package io.carehub.patients.customdata;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A custom data type record on the core face (API-CORE.md §C6): {@code {id, patientId, cdtName, version, fields,
 * createdAt, updatedAt}}, {@code fields} the record's flat {@code {fieldName: value}} as checked.
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record CustomDataTypeRecordCoreView(String id, String patientId, String cdtName, Integer version,
        @JsonRawValue String fields, Instant createdAt, Instant updatedAt) {

    public static CustomDataTypeRecordCoreView of(CustomDataTypeRecord r) {
        return new CustomDataTypeRecordCoreView(r.id.toString(), r.userId.toString(), r.typeName, r.typeVersion, r.body,
                r.createdAt, r.updatedAt);
    }
}
