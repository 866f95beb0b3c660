package io.carehub.assessments.assessmentresponse;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.carehub.commons.persistence.PartitionedResource;

/**
 * An assessment of a patient: its answers ({@code model}; {@code answers} on the core face) and what it answers —
 * an assessment completed outside the platform (the reference's "Store Assessments completed outside of Welkin",
 * {@code spec_*}, set once on the v1 face), or a version of one of the tenant's forms (API-CORE.md §C8), answered
 * on the core face, possibly in an encounter, {@code new} → {@code in_progress} → {@code completed}.
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
    @Column(name = "model_as_sent", nullable = false)
    public String modelAsSent;

    /** The form it answers (null: none, a v1 assessment of any shape), and which version of it. */
    @Column(name = "form_name", updatable = false)
    public String formName;

    @Column(name = "form_version", updatable = false)
    public Integer formVersion;

    /** The encounter it was made in, or null. */
    @Column(name = "encounter_id", updatable = false)
    public UUID encounterId;

    @Column(nullable = false)
    public String status;
}
