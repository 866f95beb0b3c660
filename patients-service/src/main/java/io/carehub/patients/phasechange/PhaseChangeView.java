package io.carehub.patients.phasechange;

import java.time.Instant;

/** A phase change on the v1 face (API-CORE.md §C7, snake_case). */
public record PhaseChangeView(String id, String userId, String programName, String fromPhase, String toPhase,
        Instant changedAt, String changedBy, Instant createdAt, Instant updatedAt) {

    public static PhaseChangeView of(PhaseChange c) {
        return new PhaseChangeView(c.id.toString(), c.userId.toString(), c.programName, c.fromPhase, c.toPhase, c.changedAt,
                c.changedBy, c.createdAt, c.updatedAt);
    }
}
