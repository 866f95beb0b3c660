package io.carehub.patients.externalid;

import java.time.Instant;

/** An external id on the wire (API.md §4, external_ids). */
public record ExternalIdView(String id, String resource, String namespace, String externalId, String welkinId,
        Instant createdAt, Instant updatedAt) {

    public static ExternalIdView of(ExternalId e) {
        return new ExternalIdView(e.id.toString(), e.resource, e.namespace, e.externalId, e.welkinId.toString(),
                e.createdAt, e.updatedAt);
    }
}
