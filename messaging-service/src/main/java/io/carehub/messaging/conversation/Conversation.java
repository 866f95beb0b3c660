package io.carehub.messaging.conversation;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.carehub.commons.persistence.PartitionedResource;

/** A text conversation with a patient ({@code user_id}), of one kind ({@code conversation_type}) or unsaid. */
@Entity
@Table(name = "conversations")
public class Conversation extends PartitionedResource {

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "conversation_type")
    public String conversationType;
}
