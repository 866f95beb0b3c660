package io.carehub.patients.customdatatype;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.persistence.JsonArrayConverter;
import io.carehub.commons.persistence.TenantResource;
import io.carehub.commons.typed.TypedField;
import io.carehub.commons.typed.TypedFields;

/**
 * The definition of a custom data type (API-CORE.md §C6): the tenant's configuration, shared by its environments. Its
 * {@code fields} are the current version's; a change of them makes a new {@code version} ({@link CustomDataTypeVersion}).
 */
@Entity
@Table(name = "custom_data_types")
public class CustomDataType extends TenantResource {

    @Column(nullable = false, updatable = false)
    public String name;

    public String title;

    @Column(nullable = false)
    public String cardinality;

    /** A JSON list of field definitions, each with every member ({@link TypedField#toJson}). */
    @Convert(converter = JsonArrayConverter.class)
    @ColumnTransformer(read = "fields::text", write = "?::text::jsonb")
    @Column(nullable = false)
    public JsonNode fields;

    @Column(nullable = false)
    public int version;

    /** The fields as shown and compared ({@link TypedField#canonical}): each with its members in their order. */
    public JsonNode fieldsInOrder() {
        return TypedFields.of(fields).canonical();
    }

    public boolean single() {
        return CustomDataTypeFields.SINGLE.equals(cardinality);
    }
}
