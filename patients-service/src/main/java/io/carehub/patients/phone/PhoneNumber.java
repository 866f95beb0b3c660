package io.carehub.patients.phone;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.carehub.commons.persistence.PartitionedResource;

/** A patient's phone number, stored as {@code 555-555-1234}, with the patient's consents (false until given). */
@Entity
@Table(name = "phone_numbers")
public class PhoneNumber extends PartitionedResource {

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "phone_number")
    public String phoneNumber;

    @Column(name = "phone_number_type")
    public String phoneNumberType;

    @Column(name = "friendly_name")
    public String friendlyName;

    public boolean verified;

    @Column(name = "opted_in_to_sms")
    public boolean optedInToSms;

    @Column(name = "opted_in_to_call_recording")
    public boolean optedInToCallRecording;

    @Column(name = "opted_in_to_voicemail")
    public boolean optedInToVoicemail;

    @Column(name = "opted_in_to_phone")
    public boolean optedInToPhone;

    @Column(name = "automatic_recipient")
    public boolean automaticRecipient;
}
