package io.carehub.patients.customdata;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.carehub.commons.persistence.DeletableResource;

/**
 * A record of a custom data type ({@code type_name}) about a patient. When a definition names the type
 * (API-CORE.md §C6), {@code body} was checked against its version {@code typeVersion}; else it is any JSON object
 * (API.md §4) and {@code typeVersion} is null. Deleted softly.
 */
@Entity
@Table(name = "custom_data_type_records")
public class CustomDataTypeRecord extends DeletableResource {

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

    /** The version of the definition the body was checked against, or null (no definition named the type). */
    @Column(name = "type_version")
    public Integer typeVersion;
}
