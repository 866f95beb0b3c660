package io.carehub.scheduling.calendar;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.CollectionService;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.PageRows;
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
    public Uni<Calendar> get(String tenant, UUID id) {
        return calendars.getInTenant(tenant, id);
    }

    @Override
    @WithSession
    public Uni<PageRows<Calendar>> page(String tenant, FindParameters find) {
        return calendars.page(KeysetQuery.of(tenant, find, false));
    }
}
