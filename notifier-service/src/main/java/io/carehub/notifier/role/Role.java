package io.carehub.notifier.role;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.persistence.JsonArrayConverter;
import io.carehub.commons.persistence.TenantResource;

/** A role (API-CORE.md §C9): it grants the union of its security policies. The tenant's; deleted softly. */
@Entity
@Table(name = "roles")
public class Role extends TenantResource {

    @Column(nullable = false, updatable = false)
    public String name;

    /** A JSON list of policy names. */
    @Convert(converter = JsonArrayConverter.class)
    @ColumnTransformer(read = "policies::text", write = "?::text::jsonb")
    @Column(nullable = false)
    public JsonNode policies;

    public boolean deleted;
}
