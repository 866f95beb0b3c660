package io.carehub.messaging.message;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.PartitionRepository;

@ApplicationScoped
public class MessageRepository implements PartitionRepository<Message> {
}
