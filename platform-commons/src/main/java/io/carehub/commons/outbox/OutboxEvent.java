package io.carehub.commons.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A change event waiting to be relayed to Kafka, written in the same transaction as the change
 * (table {@code outbox_events}, migration {@code db/outbox}). The relay deletes it once Kafka has it.
 * <p>
 * Its relay order, the column {@code seq}, is the database's own and deliberately not mapped: mapped as generated,
 * every event's insert cost a second statement to read it back, and only the relay's SQL reads it.
 */
@Entity
@Table(name = "outbox_events")
public class OutboxEvent {

    @Id
    public UUID id;

    public String topic;

    @Column(name = "message_key")
    public String messageKey;

    /** The CloudEvent, structured JSON mode. */
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;
}
