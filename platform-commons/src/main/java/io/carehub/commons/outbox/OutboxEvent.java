package io.carehub.commons.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;

/**
 * A change event waiting to be relayed to Kafka, written in the same transaction as the change
 * (table {@code outbox_events}, migration {@code db/outbox}). The relay deletes it once Kafka has it.
 */
@Entity
@Table(name = "outbox_events")
public class OutboxEvent {

    @Id
    public UUID id;

    /** Relay order; assigned by the database. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String topic;

    @Column(name = "message_key")
    public String messageKey;

    /** The CloudEvent, structured JSON mode. */
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;
}
