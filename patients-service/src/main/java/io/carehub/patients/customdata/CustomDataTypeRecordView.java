package io.carehub.patients.customdata;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** A custom data type record on the wire (API.md §4, custom_data_type_records); {@code body} as it was given. */
public record CustomDataTypeRecordView(String id, String userId, String typeName, @JsonRawValue String body, Instant createdAt,
        Instant updatedAt) {

    public static CustomDataTypeRecordView of(CustomDataTypeRecord r) {
        return new CustomDataTypeRecordView(r.id.toString(), r.userId.toString(), r.typeName, r.body, r.createdAt,
                r.updatedAt);
    }
}
