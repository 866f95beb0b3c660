package io.carehub.assessments.encounter;

import java.time.Instant;
import java.util.List;

/** An encounter on the v1 face (API-CORE.md §C8, snake_case): {@code status} open, completed or deleted. */
public record EncounterView(String id, String userId, String type, String status, String title, String notes,
        Instant startTime, Instant endTime, String workerId, String calendarEventId, List<String> assessmentIds,
        Instant createdAt, Instant updatedAt) {

    public static EncounterView of(Encounter e) {
        return new EncounterView(e.id.toString(), e.userId.toString(), e.type, e.shownStatus(), e.title, e.notes,
                e.startTime, e.endTime, e.workerId == null ? null : e.workerId.toString(),
                e.calendarEventId == null ? null : e.calendarEventId.toString(), EncounterFields.assessmentIds(e),
                e.createdAt, e.updatedAt);
    }
}
