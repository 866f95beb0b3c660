package io.carehub.patients.customdata;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.persistence.TenantResource;

/** A record of a customer-defined data type ({@code type_name}) about a patient; {@code body} is any JSON object. */
@Entity
@Table(name = "custom_data_type_records")
public class CustomDataTypeRecord extends TenantResource {

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "type_name")
    public String typeName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode body;
}
