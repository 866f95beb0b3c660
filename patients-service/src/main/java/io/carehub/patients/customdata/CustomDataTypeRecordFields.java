package io.carehub.patients.customdata;

import java.util.Arrays;
import java.util.List;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;
import io.carehub.patients.patient.PatientRecords;

/** What a custom data type record request may hold, and how it is applied to a record. */
public final class CustomDataTypeRecordFields {

    static final String COLLECTION = "custom_data_type_records";

    private static final List<Field> ATTRIBUTES = List.of(
            Field.of("type_name", Types.NON_EMPTY_STRING).required(),
            Field.of("body", Types.JSON_OBJECT).required());

    static final Schema SCHEMA = PatientRecords.schema(ATTRIBUTES);

    /** A record made with its patient (patients' Create, {@code custom_data_type_records}): the patient is implied. */
    public static final Schema NESTED = PatientRecords.nested(ATTRIBUTES);

    static final List<Filter> FILTERS = List.of(
            Filter.of("user_id", Types.GUID_TYPE, "userId"),
            Filter.of("type_name", Types.STRING, "typeName"));

    /**
     * The columns of the export, in a stable order: new ones are appended, never reordered. {@code version} is the
     * definition's version a record was checked against (empty for free JSON); {@code deleted} says whether a row is
     * deleted (an export with {@code include_deleted=true} has such rows).
     */
    static final List<String> COLUMNS = List.of("id", "user_id", "type_name", "body", "created_at", "updated_at",
            "version", "deleted");

    private CustomDataTypeRecordFields() {
    }

    static List<Object> row(CustomDataTypeRecord r) {
        return Arrays.asList(r.id, r.userId, r.typeName, r.body, r.createdAt, r.updatedAt, r.typeVersion, r.deleted);
    }
}
