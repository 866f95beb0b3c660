package io.carehub.assessments.careflow;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.persistence.PartitionedResource;

/**
 * A patient's care flow (care plan): a diagnosis, and goals each reached through interventions that workers of
 * the care team carry out. {@code care_flow} is stored as the normalised document {@link CareFlowFields#document}
 * makes.
 */
@Entity
@Table(name = "care_flows")
public class CareFlow extends PartitionedResource {

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "care_flow", columnDefinition = "jsonb", nullable = false)
    public JsonNode careFlow;
}
