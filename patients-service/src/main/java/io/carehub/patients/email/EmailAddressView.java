package io.carehub.patients.email;

import java.time.Instant;

/** An email address on the wire (API.md §4, email_addresses). */
public record EmailAddressView(String id, String userId, String email, String friendlyName, boolean verified,
        boolean optedInToEmail, boolean automaticRecipient, Instant createdAt, Instant updatedAt) {

    public static EmailAddressView of(EmailAddress e) {
        return new EmailAddressView(e.id.toString(), e.userId.toString(), e.email, e.friendlyName, e.verified,
                e.optedInToEmail, e.automaticRecipient, e.createdAt, e.updatedAt);
    }
}
