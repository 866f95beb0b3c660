package io.carehub.patients.customdata;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.carehub.commons.persistence.PartitionedResource;

/** A record of a customer-defined data type ({@code type_name}) about a patient; {@code body} is any JSON object. */
@Entity
@Table(name = "custom_data_type_records")
public class CustomDataTypeRecord extends PartitionedResource {

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "type_name")
    public String typeName;

    /**
     * The body, a JSON object as the client sent it: what the API returns. The database keeps it as jsonb too
     * (column {@code body}, generated from this one), so that it can be queried there.
     */
    @Column(name = "body_as_sent", nullable = false)
    public String body;
}
