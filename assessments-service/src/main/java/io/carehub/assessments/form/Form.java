package io.carehub.assessments.form;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.persistence.JsonArrayConverter;
import io.carehub.commons.persistence.TenantResource;
import io.carehub.commons.typed.TypedFields;

/**
 * A form (API-CORE.md §C8): the questions an assessment answers. The tenant's configuration, shared by its environments;
 * its {@code questions} are the current version's, a change of them makes a new {@code version} ({@link FormVersion}).
 */
@Entity
@Table(name = "forms")
public class Form extends TenantResource {

    @Column(nullable = false, updatable = false)
    public String name;

    public String title;

    /** A JSON list of typed fields ({@link io.carehub.commons.typed.TypedField#toJson}). */
    @Convert(converter = JsonArrayConverter.class)
    @ColumnTransformer(read = "questions::text", write = "?::text::jsonb")
    @Column(nullable = false)
    public JsonNode questions;

    @Column(nullable = false)
    public int version;

    /** The questions as shown and compared: each with its members in their order. */
    public JsonNode questionsInOrder() {
        return TypedFields.of(questions).canonical();
    }
}
