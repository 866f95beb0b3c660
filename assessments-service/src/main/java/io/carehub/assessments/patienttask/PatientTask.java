package io.carehub.assessments.patienttask;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.carehub.commons.persistence.DeletableResource;

/** A task about a patient ({@code task_type}), which the care team may dismiss; deleting it keeps the row, marked. */
@Entity
@Table(name = "patient_tasks")
public class PatientTask extends DeletableResource {

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "task_type", nullable = false, updatable = false)
    public String taskType;

    /** True, false or null (not said). */
    @Column(updatable = false)
    public Boolean dismissed;
}
