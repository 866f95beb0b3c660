package io.carehub.scheduling.calendarevent;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.CollectionService;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.outbox.ChangeOperation;
import io.carehub.commons.outbox.Outbox;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.persistence.WriteStamp;
import io.carehub.commons.references.References;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Fields;
import io.carehub.scheduling.calendar.CalendarRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CalendarEventService implements CollectionService<CalendarEvent> {

    private final CalendarEventRepository events;
    private final CalendarRepository calendars;
    private final References references;
    private final Outbox outbox;

    public CalendarEventService(CalendarEventRepository events, CalendarRepository calendars, References references,
            Outbox outbox) {
        this.events = events;
        this.calendars = calendars;
        this.references = references;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<CalendarEvent> get(Partition partition, UUID id) {
        return events.getIn(partition, id);
    }

    @Override
    @WithSession
    public Uni<PageRows<CalendarEvent>> page(Partition partition, FindParameters find) {
        return events.page(KeysetQuery.of(partition, find, false));
    }

    /**
     * A new event on a calendar of the tenant with a patient of the tenant, and its change event. The patient is
     * checked first, outside the transaction: that may ask patients-service.
     */
    @Override
    public Uni<CalendarEvent> create(Partition partition, Fields fields) {
        CalendarEventFields.Form form = CalendarEventFields.form(fields, new CalendarEventFields.Form(null, null, null));
        UUID calendarId = fields.guid("calendar_id");
        UUID userId = fields.guid("user_id");
        return references.require(partition, "patients", userId, "user_id")
                .chain(() -> Panache.withTransaction(() -> requireCalendar(partition, calendarId)
                        .chain(WriteStamp::now)
                        .chain(now -> {
                            CalendarEvent event = new CalendarEvent();
                            event.created(partition, now);
                            event.calendarId = calendarId;
                            event.userId = userId;
                            CalendarEventFields.apply(fields, form, event);
                            return events.persist(event)
                                    .call(() -> outbox.record(event, CalendarEventFields.COLLECTION, ChangeOperation.CREATED));
                        })));
    }

    /**
     * The stored event with {@code fields} applied, still of exactly one form (checked against what is stored, under
     * the row lock), and on a calendar of the tenant.
     */
    @Override
    public Uni<CalendarEvent> update(Partition partition, UUID id, Fields fields) {
        return Panache.withTransaction(() -> events.lockForUpdate(partition, id)
                .call(event -> {
                    CalendarEventFields.Form form = CalendarEventFields.form(fields, CalendarEventFields.formOf(event));
                    UUID calendarId = fields.guid("calendar_id");
                    return (calendarId == null ? Uni.createFrom().voidItem() : requireCalendar(partition, calendarId))
                            .chain(() -> {
                                if (calendarId != null) {
                                    event.calendarId = calendarId;
                                }
                                CalendarEventFields.apply(fields, form, event);
                                return events.flush().call(() -> outbox.record(event, CalendarEventFields.COLLECTION,
                                        ChangeOperation.UPDATED));
                            });
                }));
    }

    /** A calendar of this service, in the tenant: another tenant's is indistinguishable from none. */
    private Uni<Void> requireCalendar(Partition partition, UUID calendarId) {
        return calendars.findIn(partition, calendarId).map(calendar -> {
            if (calendar == null) {
                throw ApiException.referenceNotFound("calendar_id");
            }
            return null;
        }).replaceWithVoid();
    }
}
