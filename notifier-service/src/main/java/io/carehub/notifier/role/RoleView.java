package io.carehub.notifier.role;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** A role on the wire (API-CORE.md §C9). {@code deleted} only in a Find with {@code include_deleted=true}. */
public record RoleView(String id, String name, JsonNode policies, Instant createdAt, Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean deleted) {

    public static RoleView of(Role r) {
        return new RoleView(r.id.toString(), r.name, r.policies, r.createdAt, r.updatedAt, null);
    }

    public static RoleView withDeleted(Role r) {
        return new RoleView(r.id.toString(), r.name, r.policies, r.createdAt, r.updatedAt, r.deleted);
    }
}
