package io.carehub.scheduling.calendar;

import java.time.Instant;

/** A calendar on the wire (API.md §4, calendars). */
public record CalendarView(String id, String workerId, Instant createdAt, Instant updatedAt) {

    public static CalendarView of(Calendar c) {
        return new CalendarView(c.id.toString(), c.workerId.toString(), c.createdAt, c.updatedAt);
    }
}
