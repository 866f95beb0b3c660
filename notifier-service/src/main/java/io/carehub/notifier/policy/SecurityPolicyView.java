package io.carehub.notifier.policy;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** A security policy on the wire (API-CORE.md §C9). {@code deleted} only in a Find with {@code include_deleted=true}. */
public record SecurityPolicyView(String id, String name, JsonNode rules, Instant createdAt, Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean deleted) {

    public static SecurityPolicyView of(SecurityPolicy p) {
        return new SecurityPolicyView(p.id.toString(), p.name, SecurityPolicyFields.inOrder(p.rules), p.createdAt,
                p.updatedAt, null);
    }

    public static SecurityPolicyView withDeleted(SecurityPolicy p) {
        return new SecurityPolicyView(p.id.toString(), p.name, SecurityPolicyFields.inOrder(p.rules), p.createdAt,
                p.updatedAt, p.deleted);
    }
}
