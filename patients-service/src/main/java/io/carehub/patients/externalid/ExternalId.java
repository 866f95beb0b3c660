package io.carehub.patients.externalid;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.carehub.commons.persistence.PartitionedResource;

/**
 * How another system (a {@code namespace}, e.g. an EHR) names a resource of this platform: the resource of
 * collection {@code resource} with id {@code welkin_id} is {@code external_id} there. Unique per tenant on
 * (namespace, resource, external_id).
 */
@Entity
@Table(name = "external_ids")
public class ExternalId extends PartitionedResource {

    public String resource;

    public String namespace;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "welkin_id")
    public UUID welkinId;
}
