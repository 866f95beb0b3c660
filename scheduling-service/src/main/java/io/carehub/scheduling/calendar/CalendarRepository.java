package io.carehub.scheduling.calendar;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.PartitionRepository;

@ApplicationScoped
public class CalendarRepository implements PartitionRepository<Calendar> {
}
