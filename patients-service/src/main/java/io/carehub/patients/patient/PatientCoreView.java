package io.carehub.patients.patient;

import java.time.Instant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A patient on the core face (API-CORE.md §C5): the v1 patient's fields in camelCase, with its externalId. */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record PatientCoreView(String id, String externalId, String firstName, String lastName, String birthDate,
        String phase, String coachId, String timezone, String street, String streetLineTwo, String city, String county,
        String zipCode, String state, String country, Instant createdAt, Instant updatedAt) {

    public static PatientCoreView of(Patient p) {
        return new PatientCoreView(p.id.toString(), p.externalId, p.firstName, p.lastName, p.birthday.toString(), p.phase,
                p.coachId == null ? null : p.coachId.toString(), p.timezone, p.street, p.streetLineTwo, p.city, p.county,
                p.zipCode, p.state, p.country, p.createdAt, p.updatedAt);
    }
}
