package io.carehub.patients.email;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.carehub.commons.persistence.PartitionedResource;

/** A patient's email address, with the patient's consent (false until given). */
@Entity
@Table(name = "email_addresses")
public class EmailAddress extends PartitionedResource {

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    public String email;

    @Column(name = "friendly_name")
    public String friendlyName;

    public boolean verified;

    @Column(name = "opted_in_to_email")
    public boolean optedInToEmail;

    @Column(name = "automatic_recipient")
    public boolean automaticRecipient;
}
