package io.carehub.scheduling.calendar;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.CollectionService;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.tenancy.Partition;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Calendars are read-only through the API: each is made with its worker ({@code WorkerService.create}). */
@ApplicationScoped
public class CalendarService implements CollectionService<Calendar> {

    private final CalendarRepository calendars;

    public CalendarService(CalendarRepository calendars) {
        this.calendars = calendars;
    }

    @Override
    @WithSession
    public Uni<Calendar> get(Partition partition, UUID id) {
        return calendars.getIn(partition, id);
    }

    @Override
    @WithSession
    public Uni<PageRows<Calendar>> page(Partition partition, FindParameters find) {
        return calendars.page(KeysetQuery.of(partition, find, false));
    }
}
