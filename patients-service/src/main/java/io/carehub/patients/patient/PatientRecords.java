package io.carehub.patients.patient;

import java.util.ArrayList;
import java.util.List;

import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;

/**
 * The schemas of the records about a patient (phone numbers, email addresses, custom data type records): made on
 * their own, they name the patient by {@code user_id}, required and never changed; made with the patient
 * (patients' Create), the patient is implied.
 */
public final class PatientRecords {

    private static final Field USER_ID = Field.of("user_id", Types.GUID_TYPE).required().createOnly();

    private PatientRecords() {
    }

    /** A record made on its own: {@code user_id}, then {@code attributes}. */
    public static Schema schema(List<Field> attributes) {
        List<Field> all = new ArrayList<>();
        all.add(USER_ID);
        all.addAll(attributes);
        return Schema.of(all.toArray(Field[]::new));
    }

    /** A record made with its patient: {@code attributes} only. */
    public static Schema nested(List<Field> attributes) {
        return Schema.of(attributes.toArray(Field[]::new));
    }
}
