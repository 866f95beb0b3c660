package io.carehub.assessments.patienttask;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A patient task on the wire (API.md §4, patient_tasks). {@code deleted} appears only in a Find with
 * {@code include_deleted=true}, on every task of it.
 */
public record PatientTaskView(String id, String userId, String taskType, Boolean dismissed, Instant createdAt,
        Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean deleted) {

    public static PatientTaskView of(PatientTask t) {
        return new PatientTaskView(t.id.toString(), t.userId.toString(), t.taskType, t.dismissed, t.createdAt,
                t.updatedAt, null);
    }

    /** With the {@code deleted} flag, for a Find that includes deleted tasks. */
    public static PatientTaskView withDeleted(PatientTask t) {
        return new PatientTaskView(t.id.toString(), t.userId.toString(), t.taskType, t.dismissed, t.createdAt,
                t.updatedAt, t.deleted);
    }
}
