package io.carehub.patients.enrollment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.web.Timestamps;

/**
 * An enrollment on the v1 face (API-CORE.md §C7, patient_programs, snake_case). {@code deleted} appears only in a Find
 * with {@code include_deleted=true}.
 */
public record PatientProgramView(String id, String userId, String programName, String status, Phase currentPhase,
        List<Entry> history, Instant createdAt, Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean deleted) {

    /** The phase an enrollment is in and since when. */
    public record Phase(String name, Instant enteredAt) {
    }

    /** A phase entered, when, and by which API client. */
    public record Entry(String phase, Instant enteredAt, String by) {
    }

    public static PatientProgramView of(PatientProgram p) {
        return new PatientProgramView(p.id.toString(), p.userId.toString(), p.programName, p.status,
                new Phase(p.currentPhase, p.currentPhaseEnteredAt), history(p.history), p.createdAt, p.updatedAt, null);
    }

    /** With the {@code deleted} flag, for a Find that includes deleted enrollments. */
    public static PatientProgramView withDeleted(PatientProgram p) {
        return new PatientProgramView(p.id.toString(), p.userId.toString(), p.programName, p.status,
                new Phase(p.currentPhase, p.currentPhaseEnteredAt), history(p.history), p.createdAt, p.updatedAt,
                p.deleted);
    }

    static List<Entry> history(JsonNode history) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : history) {
            entries.add(new Entry(e.get("phase").textValue(),
                    Timestamps.parse(e.get("entered_at").textValue()).orElseThrow(), e.get("by").textValue()));
        }
        return entries;
    }
}
