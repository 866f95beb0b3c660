package io.carehub.patients.email;

import java.util.Arrays;
import java.util.List;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;
import io.carehub.patients.patient.PatientRecords;

/** What an email address request may hold, and how it is applied to an email address. */
public final class EmailAddressFields {

    static final String COLLECTION = "email_addresses";

    private static final List<Field> ATTRIBUTES = List.of(
            Field.of("email", Types.EMAIL).required(),
            Field.of("friendly_name", Types.STRING),
            Field.of("verified", Types.BOOLEAN),
            Field.of("opted_in_to_email", Types.BOOLEAN),
            Field.of("automatic_recipient", Types.BOOLEAN));

    static final Schema SCHEMA = PatientRecords.schema(ATTRIBUTES);

    /** An email address made with its patient (patients' Create, {@code email_addresses}): the patient is implied. */
    public static final Schema NESTED = PatientRecords.nested(ATTRIBUTES);

    static final List<Filter> FILTERS = List.of(Filter.of("user_id", Types.GUID_TYPE, "userId"));

    /** The columns of the export, in a stable order: new ones are appended, never reordered. */
    static final List<String> COLUMNS = List.of("id", "user_id", "email", "friendly_name", "verified",
            "opted_in_to_email", "automatic_recipient", "created_at", "updated_at");

    private EmailAddressFields() {
    }

    static void apply(Fields fields, EmailAddress e) {
        if (fields.has("email")) {
            e.email = fields.string("email");
        }
        if (fields.has("friendly_name")) {
            e.friendlyName = fields.string("friendly_name");
        }
        // Consents and flags default to false; null clears them back to it.
        if (fields.has("verified")) {
            e.verified = fields.bool("verified", false);
        }
        if (fields.has("opted_in_to_email")) {
            e.optedInToEmail = fields.bool("opted_in_to_email", false);
        }
        if (fields.has("automatic_recipient")) {
            e.automaticRecipient = fields.bool("automatic_recipient", false);
        }
    }

    static List<Object> row(EmailAddress e) {
        return Arrays.asList(e.id, e.userId, e.email, e.friendlyName, e.verified, e.optedInToEmail,
                e.automaticRecipient, e.createdAt, e.updatedAt);
    }
}
