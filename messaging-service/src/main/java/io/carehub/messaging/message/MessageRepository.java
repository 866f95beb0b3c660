package io.carehub.messaging.message;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.TenantRepository;

@ApplicationScoped
public class MessageRepository implements TenantRepository<Message> {
}
