package io.carehub.patients.enrollment;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** An enrollment on the core face (API-CORE.md §C7, camelCase). */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record PatientProgramCoreView(String id, String userId, String programName, String status, Phase currentPhase,
        List<Entry> history, Instant createdAt, Instant updatedAt) {

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Phase(String name, Instant enteredAt) {
    }

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Entry(String phase, Instant enteredAt, String by) {
    }

    public static PatientProgramCoreView of(PatientProgram p) {
        return new PatientProgramCoreView(p.id.toString(), p.userId.toString(), p.programName, p.status,
                new Phase(p.currentPhase, p.currentPhaseEnteredAt),
                PatientProgramView.history(p.history).stream().map(e -> new Entry(e.phase(), e.enteredAt(), e.by())).toList(),
                p.createdAt, p.updatedAt);
    }
}
