package io.carehub.assessments.form;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.persistence.JsonArrayConverter;

/** The questions of one version of a form, kept when a later version replaces them: assessments answer a version. */
@Entity
@Table(name = "form_versions")
@IdClass(FormVersion.Key.class)
public class FormVersion {

    /** The primary key: the form and the version. */
    public static class Key implements Serializable {
        public UUID formId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(formId, k.formId) && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(formId, version);
        }
    }

    @Id
    @Column(name = "form_id")
    public UUID formId;

    @Id
    public int version;

    @Convert(converter = JsonArrayConverter.class)
    @ColumnTransformer(read = "questions::text", write = "?::text::jsonb")
    @Column(nullable = false)
    public JsonNode questions;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static FormVersion of(Form form) {
        FormVersion v = new FormVersion();
        v.formId = form.id;
        v.version = form.version;
        v.questions = form.questions;
        v.createdAt = form.updatedAt;
        return v;
    }
}
