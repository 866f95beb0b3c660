package io.carehub.scheduling.calendar;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.carehub.commons.persistence.PartitionedResource;

/** A worker's calendar: exactly one per worker, made with the worker. */
@Entity
@Table(name = "calendars")
public class Calendar extends PartitionedResource {

    @Column(name = "worker_id", nullable = false, updatable = false)
    public UUID workerId;
}
