package io.carehub.assessments.encounter;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** An encounter on the core face (API-CORE.md §C8, camelCase): {@code status} OPEN, COMPLETED or DELETED. */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record EncounterCoreView(String id, String userId, String type, String status, String title, String notes,
        Instant startTime, Instant endTime, String workerId, String calendarEventId, List<String> assessmentIds,
        Instant createdAt, Instant updatedAt) {

    public static EncounterCoreView of(Encounter e) {
        return new EncounterCoreView(e.id.toString(), e.userId.toString(), e.type, e.shownStatus().toUpperCase(Locale.ROOT),
                e.title, e.notes, e.startTime, e.endTime, e.workerId == null ? null : e.workerId.toString(),
                e.calendarEventId == null ? null : e.calendarEventId.toString(), EncounterFields.assessmentIds(e),
                e.createdAt, e.updatedAt);
    }
}
