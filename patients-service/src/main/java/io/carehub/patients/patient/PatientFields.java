package io.carehub.patients.patient;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;
import io.carehub.patients.customdata.CustomDataTypeRecordFields;
import io.carehub.patients.email.EmailAddressFields;
import io.carehub.patients.externalid.ExternalIdFields;
import io.carehub.patients.phone.PhoneNumberFields;

/** What a patient request may hold, and how it is applied to a patient. */
final class PatientFields {

    static final String COLLECTION = "patients";

    /**
     * The fields of Create that make records of other collections in the same transaction, with the
     * collection each one writes to (the caller needs that collection's write scope too).
     */
    static final Map<String, String> RELATED = relatedCollections();

    static final Schema SCHEMA = Schema.of(
            Field.of("phase", Types.NON_EMPTY_STRING).required(),
            Field.of("coach_id", Types.GUID_TYPE),
            Field.of("timezone", Types.TIMEZONE).required(),
            Field.of("first_name", Types.NON_EMPTY_STRING).required(),
            Field.of("last_name", Types.NON_EMPTY_STRING).required(),
            Field.of("birthday", Types.ISO_DATE).required(),
            Field.of("street", Types.STRING),
            Field.of("street_line_two", Types.STRING),
            Field.of("city", Types.STRING),
            Field.of("county", Types.STRING),
            Field.of("zip_code", Types.ZIP_CODE),
            Field.of("state", Types.STATE),
            Field.of("country", Types.STRING),
            Field.of("external_id", Types.NON_EMPTY_STRING),
            // Create only: records of other collections, made with the patient.
            Field.of("email", Types.EMAIL).createOnly(),
            Field.of("phone", Types.PHONE).createOnly(),
            Field.of("phone_numbers", Types.listOf(Types.object(PhoneNumberFields.NESTED))).createOnly(),
            Field.of("email_addresses", Types.listOf(Types.object(EmailAddressFields.NESTED))).createOnly(),
            Field.of("external_ids", Types.listOf(Types.object(ExternalIdFields.NESTED))).createOnly(),
            Field.of("custom_data_type_records", Types.listOf(Types.object(CustomDataTypeRecordFields.NESTED)))
                    .createOnly());

    /** Patients have no filters beyond paging. */
    static final List<Filter> FILTERS = List.of();

    /** The core face's fields (API-CORE.md §C5): v1 name → camelCase name. */
    static final Map<String, String> CORE_NAMES = coreNames();

    /** The core face's list filters (API-CORE.md §C5). */
    static final List<Filter> CORE_FILTERS = List.of(
            Filter.of("externalId", Types.NON_EMPTY_STRING, "externalId"),
            Filter.of("coachId", Types.GUID_TYPE, "coachId"),
            Filter.of("phase", Types.NON_EMPTY_STRING, "phase"));

    /** What a core-face list may be sorted by beyond createdAt and updatedAt: camelCase name → attribute. */
    static final Map<String, String> CORE_SORTABLE = Map.of("lastName", "lastName", "firstName", "firstName",
            "birthDate", "birthday", "externalId", "externalId", "phase", "phase");

    /** The columns of the export, in a stable order: new ones are appended, never reordered. */
    static final List<String> COLUMNS = List.of("id", "phase", "coach_id", "timezone", "first_name", "last_name",
            "birthday", "street", "street_line_two", "city", "county", "zip_code", "state", "country", "created_at",
            "updated_at", "external_id");

    private PatientFields() {
    }

    private static Map<String, String> coreNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("external_id", "externalId");
        names.put("first_name", "firstName");
        names.put("last_name", "lastName");
        names.put("birthday", "birthDate");
        names.put("phase", "phase");
        names.put("coach_id", "coachId");
        names.put("timezone", "timezone");
        names.put("street", "street");
        names.put("street_line_two", "streetLineTwo");
        names.put("city", "city");
        names.put("county", "county");
        names.put("zip_code", "zipCode");
        names.put("state", "state");
        names.put("country", "country");
        return names;
    }

    private static Map<String, String> relatedCollections() {
        Map<String, String> related = new LinkedHashMap<>();
        related.put("email", "email_addresses");
        related.put("phone", "phone_numbers");
        related.put("phone_numbers", "phone_numbers");
        related.put("email_addresses", "email_addresses");
        related.put("external_ids", "external_ids");
        related.put("custom_data_type_records", "custom_data_type_records");
        return related;
    }

    static void apply(Fields fields, Patient patient) {
        if (fields.has("phase")) {
            patient.phase = fields.string("phase");
        }
        if (fields.has("coach_id")) {
            patient.coachId = fields.guid("coach_id");
        }
        if (fields.has("timezone")) {
            patient.timezone = fields.string("timezone");
        }
        if (fields.has("first_name")) {
            patient.firstName = fields.string("first_name");
        }
        if (fields.has("last_name")) {
            patient.lastName = fields.string("last_name");
        }
        if (fields.has("birthday")) {
            patient.birthday = fields.date("birthday");
        }
        if (fields.has("street")) {
            patient.street = fields.string("street");
        }
        if (fields.has("street_line_two")) {
            patient.streetLineTwo = fields.string("street_line_two");
        }
        if (fields.has("city")) {
            patient.city = fields.string("city");
        }
        if (fields.has("county")) {
            patient.county = fields.string("county");
        }
        if (fields.has("zip_code")) {
            patient.zipCode = fields.string("zip_code");
        }
        if (fields.has("state")) {
            patient.state = fields.string("state");
        }
        if (fields.has("country")) {
            patient.country = fields.string("country");
        }
        if (fields.has("external_id")) {
            patient.externalId = fields.string("external_id");
        }
    }

    static List<Object> row(Patient p) {
        return Arrays.asList(p.id, p.phase, p.coachId, p.timezone, p.firstName, p.lastName, p.birthday, p.street,
                p.streetLineTwo, p.city, p.county, p.zipCode, p.state, p.country, p.createdAt, p.updatedAt, p.externalId);
    }
}
