package io.carehub.scheduling.calendarevent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;
import io.carehub.commons.validation.Violations;

/**
 * What a calendar event request may hold, and how it is applied to an event. The Schema checks each field;
 * {@link #form} checks what no single field can: exactly one of the two forms, timed ({@code start_time} and
 * {@code end_time}, end after start) or all-day ({@code day}). {@code is_all_day} is derived from the form, so
 * the Schema does not know it and refuses it as input.
 */
public final class CalendarEventFields {

    static final String COLLECTION = "calendar_events";

    static final Schema SCHEMA = Schema.of(
            Field.of("calendar_id", Types.GUID_TYPE).required(),
            Field.of("user_id", Types.GUID_TYPE).required().createOnly(),
            Field.of("start_time", Types.ISO_DATETIME),
            Field.of("end_time", Types.ISO_DATETIME),
            Field.of("day", Types.ISO_DATE),
            Field.of("outcome", Types.enumOf("completed", "cancelled", "no-show")),
            Field.of("modality", Types.enumOf("call", "visit", "video", "phone")).required(),
            Field.of("appointment_type", Types.NON_EMPTY_STRING).required());

    static final List<Filter> FILTERS = List.of(
            Filter.of("calendar_id", Types.GUID_TYPE, "calendarId"),
            Filter.of("user_id", Types.GUID_TYPE, "userId"));

    /** The columns of the export, in a stable order: new ones are appended, never reordered. */
    static final List<String> COLUMNS = List.of("id", "calendar_id", "user_id", "is_all_day", "start_time", "end_time",
            "day", "outcome", "modality", "appointment_type", "created_at", "updated_at");

    /** The time fields of an event: one form's, the other's null. */
    record Form(Instant startTime, Instant endTime, LocalDate day) {
    }

    private CalendarEventFields() {
    }

    /**
     * The form of the event once {@code fields} are applied to {@code current} (all null for a new event), or the
     * errors that make it no event: giving one form's fields switches to it and clears the other's; giving both is
     * refused, as are an incomplete timed event and one whose end is not after its start.
     */
    static Form form(Fields fields, Form current) {
        Violations violations = new Violations();
        boolean timedGiven = given(fields, "start_time") || given(fields, "end_time");
        boolean dayGiven = given(fields, "day");
        if (timedGiven && dayGiven) {
            violations.bad(".day", "day is for all-day events and cannot be given with start_time or end_time");
            violations.throwIfAny();
        }
        Instant start = fields.has("start_time") ? micros(fields.instant("start_time")) : current.startTime();
        Instant end = fields.has("end_time") ? micros(fields.instant("end_time")) : current.endTime();
        LocalDate day = fields.has("day") ? fields.date("day") : current.day();
        if (dayGiven) {
            start = null;
            end = null;
        } else if (timedGiven) {
            day = null;
        }
        if (day == null) {
            if (start == null && end == null) {
                violations.bad(".start_time", "an event is timed (start_time and end_time) or all-day (day): give one");
            } else if (start == null) {
                violations.bad(".start_time", "start_time is required with end_time");
            } else if (end == null) {
                violations.bad(".end_time", "end_time is required with start_time");
            } else if (!end.isAfter(start)) {
                violations.bad(".end_time", "end_time must be after start_time");
            }
        }
        violations.throwIfAny();
        return new Form(start, end, day);
    }

    static Form formOf(CalendarEvent e) {
        return new Form(e.startTime, e.endTime, e.day);
    }

    /** Everything but the calendar (checked by the service) and the form ({@link #form}, given here). */
    static void apply(Fields fields, Form form, CalendarEvent e) {
        e.startTime = form.startTime();
        e.endTime = form.endTime();
        e.day = form.day();
        if (fields.has("outcome")) {
            e.outcome = fields.string("outcome");
        }
        if (fields.has("modality")) {
            e.modality = fields.string("modality");
        }
        if (fields.has("appointment_type")) {
            e.appointmentType = fields.string("appointment_type");
        }
    }

    static List<Object> row(CalendarEvent e) {
        return Arrays.asList(e.id, e.calendarId, e.userId, e.isAllDay(), e.startTime, e.endTime, e.day, e.outcome,
                e.modality, e.appointmentType, e.createdAt, e.updatedAt);
    }

    private static boolean given(Fields fields, String name) {
        return fields.get(name) != null;
    }

    /** What PostgreSQL's timestamptz keeps, so that the event returned by a write is the one read back. */
    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
