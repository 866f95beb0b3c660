package io.carehub.patients.phasechange;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.carehub.commons.persistence.PartitionedResource;

/**
 * One move of a patient in a program (API-CORE.md §C7, collection {@code phase_changes}): from which phase (none on
 * enrollment) to which, when and by which API client. Append-only, written in the move's transaction.
 */
@Entity
@Table(name = "phase_changes")
public class PhaseChange extends PartitionedResource {

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "program_name", nullable = false, updatable = false)
    public String programName;

    @Column(name = "from_phase", updatable = false)
    public String fromPhase;

    @Column(name = "to_phase", nullable = false, updatable = false)
    public String toPhase;

    @Column(name = "changed_at", nullable = false, updatable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false, updatable = false)
    public String changedBy;
}
