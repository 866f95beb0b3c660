package io.carehub.notifier.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.persistence.JsonArrayConverter;
import io.carehub.commons.persistence.TenantResource;

/**
 * A security policy (API-CORE.md §C9): per collection ({@code resource}), the fields a client may read, see masked,
 * create and update, and whether it may delete. The tenant's; deleted softly.
 */
@Entity
@Table(name = "security_policies")
public class SecurityPolicy extends TenantResource {

    @Column(nullable = false, updatable = false)
    public String name;

    /** A JSON list of {@code {resource, operations: {read, read_masked, create, update, delete, update_completed}}}. */
    @Convert(converter = JsonArrayConverter.class)
    @ColumnTransformer(read = "rules::text", write = "?::text::jsonb")
    @Column(nullable = false)
    public JsonNode rules;

    public boolean deleted;
}
