package io.carehub.scheduling.calendarevent;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.TenantRepository;

@ApplicationScoped
public class CalendarEventRepository implements TenantRepository<CalendarEvent> {
}
