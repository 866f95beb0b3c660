package io.carehub.patients.patient;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.carehub.commons.persistence.PartitionedResource;

/** A person receiving care: the resource almost everything else hangs off ({@code user_id} elsewhere). */
@Entity
@Table(name = "patients")
public class Patient extends PartitionedResource {

    public String phase;

    /** A worker of scheduling-service (checked by the shared reference mechanism, io.carehub.commons.references). */
    @Column(name = "coach_id")
    public UUID coachId;

    public String timezone;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public LocalDate birthday;

    public String street;

    @Column(name = "street_line_two")
    public String streetLineTwo;

    public String city;

    public String county;

    @Column(name = "zip_code")
    public String zipCode;

    public String state;

    public String country;

    /** The patient's id in the client's own system (API-CORE.md §C5), unique within its tenant and environment. */
    @Column(name = "external_id")
    public String externalId;
}
