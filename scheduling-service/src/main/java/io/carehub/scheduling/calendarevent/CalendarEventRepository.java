package io.carehub.scheduling.calendarevent;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.PartitionRepository;

@ApplicationScoped
public class CalendarEventRepository implements PartitionRepository<CalendarEvent> {
}
