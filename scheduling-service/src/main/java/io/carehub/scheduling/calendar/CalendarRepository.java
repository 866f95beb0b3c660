package io.carehub.scheduling.calendar;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.TenantRepository;

@ApplicationScoped
public class CalendarRepository implements TenantRepository<Calendar> {
}
