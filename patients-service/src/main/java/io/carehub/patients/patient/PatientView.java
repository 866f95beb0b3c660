package io.carehub.patients.patient;

import java.time.Instant;

/** A patient on the wire (API.md §4, patients). */
public record PatientView(String id, String phase, String coachId, String timezone, String firstName, String lastName,
        String birthday, String street, String streetLineTwo, String city, String county, String zipCode, String state,
        String country, String externalId, Instant createdAt, Instant updatedAt) {

    public static PatientView of(Patient p) {
        return new PatientView(p.id.toString(), p.phase, p.coachId == null ? null : p.coachId.toString(), p.timezone,
                p.firstName, p.lastName, p.birthday.toString(), p.street, p.streetLineTwo, p.city, p.county, p.zipCode,
                p.state, p.country, p.externalId, p.createdAt, p.updatedAt);
    }
}
