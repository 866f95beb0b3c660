package io.carehub.assessments.assessmentresponse;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.carehub.commons.persistence.PartitionedResource;

/**
 * The answers to one assessment a patient completed outside the platform (the reference's "Store Assessments
 * completed outside of Welkin"): the answers ({@code model}) and which assessment they answer ({@code spec_*}).
 * Set once: assessment responses have no Update.
 */
@Entity
@Table(name = "assessment_responses")
public class AssessmentResponse extends PartitionedResource {

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "spec_id", updatable = false)
    public String specId;

    @Column(name = "spec_name", updatable = false)
    public String specName;

    @Column(name = "spec_version", updatable = false)
    public String specVersion;

    @Column(updatable = false)
    public String title;

    /**
     * The answers, a JSON object exactly as the client wrote it: what the API returns. The database keeps the same
     * JSON as jsonb too (column {@code model}, generated from this one), so that it can be queried there.
     */
    @Column(name = "model_as_sent", nullable = false, updatable = false)
    public String modelAsSent;
}
