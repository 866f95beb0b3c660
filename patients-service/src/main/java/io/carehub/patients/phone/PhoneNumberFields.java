package io.carehub.patients.phone;

import java.util.Arrays;
import java.util.List;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;
import io.carehub.patients.patient.PatientRecords;

/** What a phone number request may hold, and how it is applied to a phone number. */
public final class PhoneNumberFields {

    static final String COLLECTION = "phone_numbers";

    /** The type of a number given as a patient's {@code phone}: the client did not say, so it is not guessed. */
    static final String UNSPECIFIED_TYPE = "other";

    private static final List<Field> ATTRIBUTES = List.of(
            Field.of("phone_number", Types.PHONE).required(),
            Field.of("phone_number_type", Types.enumOf("cell", "landline", "other")).required(),
            Field.of("friendly_name", Types.STRING),
            Field.of("verified", Types.BOOLEAN),
            Field.of("opted_in_to_sms", Types.BOOLEAN),
            Field.of("opted_in_to_call_recording", Types.BOOLEAN),
            Field.of("opted_in_to_voicemail", Types.BOOLEAN),
            Field.of("opted_in_to_phone", Types.BOOLEAN),
            Field.of("automatic_recipient", Types.BOOLEAN));

    static final Schema SCHEMA = PatientRecords.schema(ATTRIBUTES);

    /** A phone number made with its patient (patients' Create, {@code phone_numbers}): the patient is implied. */
    public static final Schema NESTED = PatientRecords.nested(ATTRIBUTES);

    static final List<Filter> FILTERS = List.of(Filter.of("user_id", Types.GUID_TYPE, "userId"));

    /** The columns of the export, in a stable order: new ones are appended, never reordered. */
    static final List<String> COLUMNS = List.of("id", "user_id", "phone_number", "phone_number_type", "friendly_name",
            "verified", "opted_in_to_sms", "opted_in_to_call_recording", "opted_in_to_voicemail", "opted_in_to_phone",
            "automatic_recipient", "created_at", "updated_at");

    private PhoneNumberFields() {
    }

    static void apply(Fields fields, PhoneNumber p) {
        if (fields.has("phone_number")) {
            p.phoneNumber = fields.string("phone_number");
        }
        if (fields.has("phone_number_type")) {
            p.phoneNumberType = fields.string("phone_number_type");
        }
        if (fields.has("friendly_name")) {
            p.friendlyName = fields.string("friendly_name");
        }
        // Consents and flags default to false; null clears them back to it.
        if (fields.has("verified")) {
            p.verified = fields.bool("verified", false);
        }
        if (fields.has("opted_in_to_sms")) {
            p.optedInToSms = fields.bool("opted_in_to_sms", false);
        }
        if (fields.has("opted_in_to_call_recording")) {
            p.optedInToCallRecording = fields.bool("opted_in_to_call_recording", false);
        }
        if (fields.has("opted_in_to_voicemail")) {
            p.optedInToVoicemail = fields.bool("opted_in_to_voicemail", false);
        }
        if (fields.has("opted_in_to_phone")) {
            p.optedInToPhone = fields.bool("opted_in_to_phone", false);
        }
        if (fields.has("automatic_recipient")) {
            p.automaticRecipient = fields.bool("automatic_recipient", false);
        }
    }

    static List<Object> row(PhoneNumber p) {
        return Arrays.asList(p.id, p.userId, p.phoneNumber, p.phoneNumberType, p.friendlyName, p.verified,
                p.optedInToSms, p.optedInToCallRecording, p.optedInToVoicemail, p.optedInToPhone, p.automaticRecipient,
                p.createdAt, p.updatedAt);
    }
}
