package io.carehub.messaging.conversation;

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
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ConversationService implements CollectionService<Conversation> {

    private final ConversationRepository conversations;
    private final References references;
    private final Outbox outbox;

    public ConversationService(ConversationRepository conversations, References references, Outbox outbox) {
        this.conversations = conversations;
        this.references = references;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<Conversation> get(Partition partition, UUID id) {
        return conversations.getIn(partition, id);
    }

    @Override
    @WithSession
    public Uni<PageRows<Conversation>> page(Partition partition, FindParameters find) {
        return conversations.page(KeysetQuery.of(partition, find, false));
    }

    /**
     * A new conversation with a patient of the tenant, and its change event. The patient is checked first,
     * outside the transaction: that may ask patients-service.
     */
    @Override
    public Uni<Conversation> create(Partition partition, Fields fields) {
        return references.require(partition, "patients", fields.guid("user_id"), "user_id")
                .chain(() -> Panache.withTransaction(() -> WriteStamp.now().chain(now -> {
                    Conversation conversation = new Conversation();
                    conversation.created(partition, now);
                    ConversationFields.apply(fields, conversation);
                    return conversations.persist(conversation)
                            .call(() -> outbox.record(conversation, ConversationFields.COLLECTION, ChangeOperation.CREATED));
                })));
    }
}
