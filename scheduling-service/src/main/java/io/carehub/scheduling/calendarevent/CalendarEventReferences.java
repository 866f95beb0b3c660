package io.carehub.scheduling.calendarevent;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.references.OwnedCollection;
import io.carehub.commons.tenancy.Partition;
import io.smallrye.mutiny.Uni;

/** Calendar events, as other services' fields name them (an encounter's {@code calendar_event_id}): the internal reference endpoint. */
@ApplicationScoped
public class CalendarEventReferences implements OwnedCollection {

    private final CalendarEventRepository events;

    public CalendarEventReferences(CalendarEventRepository events) {
        this.events = events;
    }

    @Override
    public String name() {
        return "calendar_events";
    }

    @Override
    public Uni<Boolean> exists(Partition partition, UUID id) {
        return events.existsIn(partition, id);
    }
}
