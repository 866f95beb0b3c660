package io.carehub.scheduling.calendarevent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.carehub.commons.persistence.PartitionedResource;

/**
 * An appointment on a worker's calendar with a patient ({@code user_id}): timed ({@code startTime} before
 * {@code endTime}, UTC) or all-day ({@code day}, a date with no time zone), never both.
 */
@Entity
@Table(name = "calendar_events")
public class CalendarEvent extends PartitionedResource {

    @Column(name = "calendar_id", nullable = false)
    public UUID calendarId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "start_time")
    public Instant startTime;

    @Column(name = "end_time")
    public Instant endTime;

    public LocalDate day;

    /** Null while upcoming. */
    public String outcome;

    public String modality;

    @Column(name = "appointment_type")
    public String appointmentType;

    /** Derived, never stored: an event with a day is all-day. */
    public boolean isAllDay() {
        return day != null;
    }
}
