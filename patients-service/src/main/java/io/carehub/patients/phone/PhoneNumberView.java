package io.carehub.patients.phone;

import java.time.Instant;

/** A phone number on the wire (API.md §4, phone_numbers). */
public record PhoneNumberView(String id, String userId, String phoneNumber, String phoneNumberType, String friendlyName,
        boolean verified, boolean optedInToSms, boolean optedInToCallRecording, boolean optedInToVoicemail,
        boolean optedInToPhone, boolean automaticRecipient, Instant createdAt, Instant updatedAt) {

    public static PhoneNumberView of(PhoneNumber p) {
        return new PhoneNumberView(p.id.toString(), p.userId.toString(), p.phoneNumber, p.phoneNumberType,
                p.friendlyName, p.verified, p.optedInToSms, p.optedInToCallRecording, p.optedInToVoicemail,
                p.optedInToPhone, p.automaticRecipient, p.createdAt, p.updatedAt);
    }
}
