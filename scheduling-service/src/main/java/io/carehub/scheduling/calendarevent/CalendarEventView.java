package io.carehub.scheduling.calendarevent;

import java.time.Instant;
import java.time.LocalDate;

/** A calendar event on the wire (API.md §4, calendar_events): both forms' fields always present, null when unused. */
public record CalendarEventView(String id, String calendarId, String userId, boolean isAllDay, Instant startTime,
        Instant endTime, LocalDate day, String outcome, String modality, String appointmentType, Instant createdAt,
        Instant updatedAt) {

    public static CalendarEventView of(CalendarEvent e) {
        return new CalendarEventView(e.id.toString(), e.calendarId.toString(), e.userId.toString(), e.isAllDay(),
                e.startTime, e.endTime, e.day, e.outcome, e.modality, e.appointmentType, e.createdAt, e.updatedAt);
    }
}
