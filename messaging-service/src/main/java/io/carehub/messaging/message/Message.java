package io.carehub.messaging.message;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.carehub.commons.persistence.PartitionedResource;

/**
 * The record of one message of a conversation with a patient: sent by a worker ({@code outbound}) or by the
 * patient ({@code inbound}). Recording it sends nothing.
 */
@Entity
@Table(name = "messages")
public class Message extends PartitionedResource {

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "worker_id", updatable = false)
    public UUID workerId;

    @Column(name = "conversation_id", nullable = false, updatable = false)
    public UUID conversationId;

    @Column(nullable = false, updatable = false)
    public String direction;

    @Column(nullable = false, updatable = false)
    public String contents;

    @Column(name = "automatically_sent", nullable = false, updatable = false)
    public boolean automaticallySent;

    @Column(name = "send_time", nullable = false, updatable = false)
    public Instant sendTime;
}
