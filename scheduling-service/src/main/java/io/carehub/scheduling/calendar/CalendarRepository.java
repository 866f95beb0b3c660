package io.carehub.scheduling.calendar;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CalendarRepository implements PanacheRepositoryBase<Calendar, UUID> {
}
