package io.carehub.messaging.message;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.CollectionService;
import io.carehub.commons.outbox.ChangeOperation;
import io.carehub.commons.outbox.Outbox;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.persistence.WriteStamp;
import io.carehub.commons.references.References;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Fields;
import io.carehub.messaging.conversation.ConversationRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MessageService implements CollectionService<Message> {

    private final MessageRepository messages;
    private final ConversationRepository conversations;
    private final References references;
    private final Outbox outbox;

    public MessageService(MessageRepository messages, ConversationRepository conversations, References references,
            Outbox outbox) {
        this.messages = messages;
        this.conversations = conversations;
        this.references = references;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<Message> get(Partition partition, UUID id) {
        return messages.getIn(partition, id);
    }

    @Override
    @WithSession
    public Uni<PageRows<Message>> page(Partition partition, FindParameters find) {
        return messages.page(KeysetQuery.of(partition, find, false));
    }

    /**
     * The record of a message with a patient of the tenant, in one of the patient's conversations, and its change
     * event; it sends nothing. The patient and the worker are checked first, outside the transaction: that may ask
     * patients-service and scheduling-service. The conversation is this service's own: checked in the transaction.
     */
    @Override
    public Uni<Message> create(Partition partition, Fields fields) {
        UUID userId = fields.guid("user_id");
        return references.require(partition, "patients", userId, "user_id")
                .chain(() -> references.require(partition, "workers", fields.guid("worker_id"), "worker_id"))
                .chain(() -> Panache.withTransaction(() -> conversations
                        .checkOfPatient(partition, fields.guid("conversation_id"), userId)
                        .chain(WriteStamp::now)
                        .chain(now -> {
                            Message message = new Message();
                            message.created(partition, now);
                            MessageFields.apply(fields, message, now);
                            return messages.persist(message)
                                    .call(() -> outbox.record(message, MessageFields.COLLECTION, ChangeOperation.CREATED));
                        })));
    }
}
