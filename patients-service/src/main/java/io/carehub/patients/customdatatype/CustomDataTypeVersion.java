package io.carehub.patients.customdatatype;

import java.io.Serializable;
import java.time.Instant;
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

/** The fields of one version of a custom data type, kept when a later version replaces them. */
@Entity
@Table(name = "custom_data_type_versions")
@IdClass(CustomDataTypeVersion.Key.class)
public class CustomDataTypeVersion {

    /** The primary key: the type and the version. */
    public static class Key implements Serializable {
        public UUID typeId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(typeId, k.typeId) && version == k.version;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(typeId, version);
        }
    }

    @Id
    @Column(name = "type_id")
    public UUID typeId;

    @Id
    public int version;

    @Convert(converter = JsonArrayConverter.class)
    @ColumnTransformer(read = "fields::text", write = "?::text::jsonb")
    @Column(nullable = false)
    public JsonNode fields;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static CustomDataTypeVersion of(CustomDataType type) {
        CustomDataTypeVersion v = new CustomDataTypeVersion();
        v.typeId = type.id;
        v.version = type.version;
        v.fields = type.fields;
        v.createdAt = type.updatedAt;
        return v;
    }
}
