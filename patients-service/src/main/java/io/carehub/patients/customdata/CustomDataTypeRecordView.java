package io.carehub.patients.customdata;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A custom data type record on the v1 face (API.md §4, custom_data_type_records): {@code body} as it was given (of a
 * defined type, as it was checked: values normalised), {@code version} the definition's version it was checked against
 * (null for free JSON). {@code deleted} appears only in a Find with {@code include_deleted=true}.
 */
public record CustomDataTypeRecordView(String id, String userId, String typeName, @JsonRawValue String body,
        Integer version, Instant createdAt, Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean deleted) {

    public static CustomDataTypeRecordView of(CustomDataTypeRecord r) {
        return new CustomDataTypeRecordView(r.id.toString(), r.userId.toString(), r.typeName, r.body, r.typeVersion,
                r.createdAt, r.updatedAt, null);
    }

    /** With the {@code deleted} flag, for a Find that includes deleted records. */
    public static CustomDataTypeRecordView withDeleted(CustomDataTypeRecord r) {
        return new CustomDataTypeRecordView(r.id.toString(), r.userId.toString(), r.typeName, r.body, r.typeVersion,
                r.createdAt, r.updatedAt, r.deleted);
    }
}
